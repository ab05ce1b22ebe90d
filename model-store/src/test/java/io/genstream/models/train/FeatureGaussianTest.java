package io.genstream.models.train;

import io.genstream.models.stats.FrechetDistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.genstream.models.manifest.ModelManifest;

class FeatureGaussianTest {

    /**
     * Rows (1, 2), (3, 2), (5, 8): mean (3, 4); centred (−2, −2), (0, −2), (2, 4); sums of products
     * xx = 8, xy = 12, yy = 24, over n − 1 = 2: [[4, 6], [6, 12]].
     */
    @Test
    void meanAndUnbiasedCovarianceOfAFewVectors() {
        FeatureGaussian g = FeatureGaussian.of(new float[][] {{1, 2}, {3, 2}, {5, 8}});
        assertThat(g.count()).isEqualTo(3);
        assertThat(g.mean()).containsExactly(3, 4);
        assertThat(g.covariance()[0]).containsExactly(4, 6);
        assertThat(g.covariance()[1]).containsExactly(6, 12);
    }

    @Test
    void oneVectorHasNoCovariance() {
        assertThatThrownBy(() -> FeatureGaussian.of(new float[][] {{1, 2}})).isInstanceOf(IllegalArgumentException.class);
    }

    /** What the trainer writes into the manifest is what a reader gets back, to the last bit. */
    @Test
    void itSurvivesTheManifestsJsonRoundTrip() {
        FeatureGaussian g = FeatureGaussian.of(new float[][] {{0.1f, 0.7f, -3f}, {0.3f, 0.2f, 1e-6f}, {2.5f, -0.4f, 0f}});
        ModelManifest manifest = new ModelManifest("m", "1", "classifier", ModelManifest.FORMAT_SAVED_MODEL,
                Map.of(), Map.of(), Map.of(), Map.of(), Map.of("referenceFeatures", g.toJson()));
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) manifest.evaluation().get("referenceFeatures");
        FeatureGaussian back = FeatureGaussian.fromJson(json);
        assertThat(back.count()).isEqualTo(3);
        assertThat(back.mean()).containsExactly(g.mean());
        for (int i = 0; i < 3; i++) {
            assertThat(back.covariance()[i]).containsExactly(g.covariance()[i]);
        }
        assertThat(FrechetDistance.between(back.toStats(), g.toStats())).isCloseTo(0, within(1e-12));
    }
}
