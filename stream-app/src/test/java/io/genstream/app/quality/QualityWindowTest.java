package io.genstream.app.quality;

import io.genstream.models.stats.GaussianStats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.genstream.avro.ContentKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QualityWindowTest {

    private static final double EXACT = 1e-12;

    private static QualityObservation text(String text, Map<String, Double> scores) {
        return new QualityObservation("catalog-lstm", "1", ContentKind.TEXT, 0L, scores, text, null);
    }

    private static QualityObservation image(Map<String, Double> scores, float... features) {
        return new QualityObservation("digits-gan", "1", ContentKind.IMAGE, 0L, scores, null,
                features.length == 0 ? null : features);
    }

    @Test
    void meansAreOverTheItemsThatCarryEachScore() {
        QualityWindow window = new QualityWindow()
                .add(text("a b c", Map.of("meanLogProb", -1.0, "bleu", 0.5)), 4, 4)
                .add(text("d e f", Map.of("meanLogProb", -2.0)), 4, 4)
                .add(text("g h i", Map.of("meanLogProb", -4.5, "bleu", 0.25)), 4, 4);

        Map<String, Double> metrics = window.metrics(Optional.empty(), 0);

        assertThat(window.count()).isEqualTo(3);
        assertThat(window.modelName()).isEqualTo("catalog-lstm");
        assertThat(window.modelVersion()).isEqualTo("1");
        assertThat(metrics.get("mean.meanLogProb")).isCloseTo(-7.5 / 3, within(EXACT));
        assertThat(metrics.get("mean.bleu")).isCloseTo(0.375, within(EXACT));
    }

    @Test
    void nonFiniteScoresStayOutOfTheMean() {
        QualityWindow window = new QualityWindow()
                .add(image(Map.of("realism", 0.5)), 4, 4)
                .add(image(Map.of("realism", Double.NaN)), 4, 4)
                .add(image(Map.of("realism", 0.25)), 4, 4);

        assertThat(window.count()).isEqualTo(3);
        assertThat(window.metrics(Optional.empty(), 0).get("mean.realism")).isCloseTo(0.375, within(EXACT));
    }

    @Test
    void textFiguresComeFromThePureMetricsOnTheFirstTextsOnly() {
        List<String> texts = List.of("a great shoe for runners", "a great shoe for walkers", "light and cushioned");
        QualityWindow window = new QualityWindow();
        for (String t : texts) {
            window.add(text(t, Map.of("grammarValid", t.startsWith("a") ? 1.0 : 0.0)), 4, 3);
        }
        window.add(text("one more text beyond the cap", Map.of("grammarValid", 1.0)), 4, 3);

        Map<String, Double> metrics = window.metrics(Optional.empty(), 7L);

        assertThat(window.sampledTexts()).isEqualTo(3);
        assertThat(metrics.get("grammarValid")).isCloseTo(0.75, within(EXACT));
        assertThat(metrics.get("mean.grammarValid")).isCloseTo(0.75, within(EXACT));
        assertThat(metrics.get("distinct2")).isCloseTo(DistinctN.ofTexts(texts, 2), within(EXACT));
        assertThat(metrics.get("selfBleu")).isCloseTo(SelfBleu.of(texts, 64, 7L).orElseThrow(), within(EXACT));
    }

    @Test
    void fourCornersGiveTheirDiversityAndFrechetDistanceByHand() {
        // (+-1, +-1): mean 0, unbiased covariance (4/3) I. Against N((3, 4), I):
        // 25 + Tr((4/3) I + I - 2 sqrt(4/3) I) = 25 + 2 (4/3 + 1 - 2 sqrt(4/3)).
        // Pairs: four sides of 2 and two diagonals of 2 sqrt 2.
        QualityWindow window = new QualityWindow();
        float[][] corners = {{1, 1}, {1, -1}, {-1, 1}, {-1, -1}};
        for (float[] corner : corners) {
            window.add(image(Map.of(), corner), 4, 4);
        }
        window.add(image(Map.of(), 100, 100), 4, 4); // beyond the sample cap
        window.add(image(Map.of(), 1, 2, 3), 8, 4); // wrong dimension, even with room
        GaussianStats reference = GaussianStats.fromMoments(1000, new double[] {3, 4}, new double[][] {{1, 0}, {0, 1}});

        Map<String, Double> metrics = window.metrics(Optional.of(reference), 0);

        assertThat(window.count()).isEqualTo(6);
        assertThat(window.sampledFeatures()).isEqualTo(4);
        assertThat(metrics.get("frechetDistance"))
                .isCloseTo(25 + 2 * (4.0 / 3 + 1 - 2 * Math.sqrt(4.0 / 3)), within(1e-9));
        assertThat(metrics.get("diversity")).isCloseTo((8 + 4 * Math.sqrt(2)) / 6, within(1e-9));
    }

    @Test
    void figuresThatCannotBeComputedAreLeftOut() {
        QualityWindow window = new QualityWindow().add(image(Map.of("realism", 0.5), 1, 2), 4, 4);
        GaussianStats reference = GaussianStats.fromMoments(10, new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}});

        assertThat(window.metrics(Optional.of(reference), 0)).containsOnlyKeys("mean.realism");

        window.add(image(Map.of(), 3, 4), 4, 4);
        GaussianStats otherSpace = GaussianStats.fromMoments(10, new double[] {0}, new double[][] {{1}});
        assertThat(window.metrics(Optional.of(otherSpace), 0)).containsOnlyKeys("mean.realism", "diversity");
    }

    @Test
    void scoreNamesAreCapped() {
        QualityWindow window = new QualityWindow();
        for (int i = 0; i < QualityWindow.MAX_SCORES + 5; i++) {
            window.add(image(Map.of("score" + i, 1.0)), 4, 4);
        }
        assertThat(window.metrics(Optional.empty(), 0)).hasSize(QualityWindow.MAX_SCORES);
    }

    @Test
    void windowSurvivesItsBytes() {
        QualityWindow window = new QualityWindow()
                .add(text("a great shoe", Map.of("grammarValid", 1.0, "meanLogProb", -0.5)), 4, 4)
                .add(text("a light shoe", Map.of("grammarValid", 0.0)), 4, 4);
        QualityWindow images = new QualityWindow()
                .add(image(Map.of("realism", 0.9), 1.5f, -2f), 4, 4)
                .add(image(Map.of("realism", 0.1), 0.25f, 3f), 4, 4);
        GaussianStats reference = GaussianStats.fromMoments(10, new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}});

        for (QualityWindow original : List.of(window, images)) {
            QualityWindow restored = QualityWindowCodec.decode(QualityWindowCodec.encode(original));
            assertThat(restored.count()).isEqualTo(original.count());
            assertThat(restored.modelName()).isEqualTo(original.modelName());
            assertThat(restored.modelVersion()).isEqualTo(original.modelVersion());
            assertThat(restored.metrics(Optional.of(reference), 3)).isEqualTo(original.metrics(Optional.of(reference), 3));
        }
    }

    @Test
    void observationSurvivesItsBytes() {
        QualityObservation image = new QualityObservation("digits-gan", "2", ContentKind.IMAGE, 123L,
                Map.of("realism", 0.75), null, new float[] {1f, -0.5f, 3.25f});
        QualityObservation text = text("a great shoe", Map.of("grammarValid", 1.0));

        QualityObservation restoredImage = QualityObservationCodec.decode(QualityObservationCodec.encode(image));
        QualityObservation restoredText = QualityObservationCodec.decode(QualityObservationCodec.encode(text));

        assertThat(restoredImage.modelId()).isEqualTo("digits-gan@2");
        assertThat(restoredImage.kind()).isEqualTo(ContentKind.IMAGE);
        assertThat(restoredImage.createdAt()).isEqualTo(123L);
        assertThat(restoredImage.scores()).isEqualTo(Map.of("realism", 0.75));
        assertThat(restoredImage.text()).isNull();
        assertThat(restoredImage.features()).containsExactly(1f, -0.5f, 3.25f);
        assertThat(restoredText.text()).isEqualTo("a great shoe");
        assertThat(restoredText.features()).isNull();
        assertThat(restoredText.kind()).isEqualTo(ContentKind.TEXT);
    }

    @Test
    void corruptBytesAreRefusedWithAClearError() {
        byte[] encoded = QualityWindowCodec.encode(new QualityWindow().add(text("a b", Map.of("x", 1.0)), 4, 4));
        encoded[0] = 9;
        assertThatThrownBy(() -> QualityWindowCodec.decode(encoded))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("corrupt quality window");
        byte[] truncated = Arrays.copyOf(QualityObservationCodec.encode(text("a b", Map.of())), 10);
        assertThatThrownBy(() -> QualityObservationCodec.decode(truncated))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
