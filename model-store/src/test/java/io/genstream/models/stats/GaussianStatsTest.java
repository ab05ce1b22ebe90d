package io.genstream.models.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GaussianStatsTest {

    @Test
    void computesMeanAndUnbiasedCovarianceByHand() {
        // (1, 2), (3, 6), (5, 4): mean (3, 4); deviations (-2, -2), (0, 2), (2, 0).
        // Sums: xx = 4 + 0 + 4 = 8, yy = 4 + 4 + 0 = 8, xy = 4 + 0 + 0 = 4; divided by n - 1 = 2.
        GaussianStats stats = GaussianStats.of(new double[][] {{1, 2}, {3, 6}, {5, 4}});
        assertThat(stats.count()).isEqualTo(3);
        assertThat(stats.mean()).containsExactly(new double[] {3, 4}, within(1e-12));
        double[][] covariance = stats.covariance();
        assertThat(covariance[0]).containsExactly(new double[] {4, 2}, within(1e-12));
        assertThat(covariance[1]).containsExactly(new double[] {2, 4}, within(1e-12));
    }

    @Test
    void mergedAccumulatorsEqualOneOverAllVectors() {
        double[][] vectors = randomVectors(50, 5, 3);
        GaussianAccumulator left = new GaussianAccumulator(5);
        GaussianAccumulator right = new GaussianAccumulator(5);
        for (int i = 0; i < vectors.length; i++) {
            (i < 17 ? left : right).add(vectors[i]);
        }
        GaussianStats merged = left.merge(right).merge(new GaussianAccumulator(5)).toStats();
        GaussianStats direct = twoPass(vectors);
        assertThat(merged.count()).isEqualTo(50);
        assertThat(merged.mean()).containsExactly(direct.mean(), within(1e-12));
        for (int i = 0; i < 5; i++) {
            assertThat(merged.covariance()[i]).containsExactly(direct.covariance()[i], within(1e-12));
        }
        // An empty accumulator takes everything from a merge.
        GaussianStats fromEmpty = new GaussianAccumulator(5).merge(left).toStats();
        assertThat(fromEmpty.mean()).containsExactly(left.toStats().mean(), within(0.0));
    }

    @Test
    void staysAccurateFarFromTheOrigin() {
        // 1e9 + {1, 2, 3}: variance exactly 1. The one-pass "sum x^2 - n mean^2" formula loses every digit here
        // (x^2 ~ 1e18 leaves steps of 128 between doubles); the running update does not.
        GaussianStats stats = GaussianStats.of(new double[][] {{1e9 + 1}, {1e9 + 2}, {1e9 + 3}});
        assertThat(stats.covariance()[0][0]).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void restoredStateCarriesOn() {
        double[][] vectors = randomVectors(20, 3, 5);
        GaussianAccumulator first = new GaussianAccumulator(3);
        for (int i = 0; i < 10; i++) {
            first.add(vectors[i]);
        }
        GaussianAccumulator restored = GaussianAccumulator.restore(first.count(), first.mean(), first.comoments());
        for (int i = 10; i < 20; i++) {
            restored.add(vectors[i]);
        }
        assertThat(restored.toStats().covariance()[1]).containsExactly(twoPass(vectors).covariance()[1], within(1e-12));
    }

    @Test
    void keepsStoredMomentsAndAllowsOnlyRoundingAsymmetry() {
        double[][] nearlySymmetric = {{2, 0.5 + 1e-8}, {0.5, 1}};
        GaussianStats stats = GaussianStats.fromMoments(1000, new double[] {1, 2}, nearlySymmetric);
        assertThat(stats.covariance()[0][1]).isEqualTo(stats.covariance()[1][0]).isCloseTo(0.5, within(1e-7));
        assertThatThrownBy(() -> GaussianStats.fromMoments(1000, new double[] {1, 2}, new double[][] {{2, 0.6}, {0.5, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not symmetric");
        assertThatThrownBy(() -> GaussianStats.fromMoments(1000, new double[] {1, 2}, new double[][] {{2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 rows, expected 2");
        assertThatThrownBy(() -> GaussianStats.fromMoments(1000, new double[] {Double.NaN}, new double[][] {{1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite");
    }

    @Test
    void needsTwoFiniteVectorsOfOneDimension() {
        assertThatThrownBy(() -> GaussianStats.of(new double[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> new GaussianAccumulator(1).toStats()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> GaussianStats.of(new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension 1, expected 2");
        assertThatThrownBy(() -> new GaussianAccumulator(2).add(new double[] {1, Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite");
    }

    static double[][] randomVectors(int n, int d, long seed) {
        Random random = new Random(seed);
        double[][] vectors = new double[n][d];
        for (double[] vector : vectors) {
            for (int j = 0; j < d; j++) {
                vector[j] = 10 * j + random.nextGaussian() * (j + 1);
            }
        }
        return vectors;
    }

    /** The textbook two-pass estimate, written out independently of the accumulator. */
    private static GaussianStats twoPass(double[][] vectors) {
        int n = vectors.length;
        int d = vectors[0].length;
        double[] mean = new double[d];
        for (double[] v : vectors) {
            for (int j = 0; j < d; j++) {
                mean[j] += v[j] / n;
            }
        }
        double[][] covariance = new double[d][d];
        for (double[] v : vectors) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    covariance[i][j] += (v[i] - mean[i]) * (v[j] - mean[j]) / (n - 1);
                }
            }
        }
        return GaussianStats.fromMoments(n, mean, covariance);
    }
}
