package io.genstream.models.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class DigitsDatasetTest {

    @Test
    void sameSeedGivesTheSameBytes() {
        DigitsDataset a = DigitsDataset.generate(42, 300);
        DigitsDataset b = DigitsDataset.generate(42, 300);
        assertThat(a.sha256()).isEqualTo(b.sha256());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.image(i)).containsExactly(b.image(i));
            assertThat(a.label(i)).isEqualTo(b.label(i));
        }
    }

    @Test
    void differentSeedsGiveDifferentImages() {
        assertThat(DigitsDataset.generate(1, 50).sha256()).isNotEqualTo(DigitsDataset.generate(2, 50).sha256());
    }

    @Test
    void aSmallerSetIsThePrefixOfALargerOne() {
        DigitsDataset small = DigitsDataset.generate(5, 40);
        DigitsDataset large = DigitsDataset.generate(5, 400);
        for (int i = 0; i < small.size(); i++) {
            assertThat(large.image(i)).containsExactly(small.image(i));
        }
    }

    @Test
    void imagesAre28By28InTheUnitRangeWithBalancedLabels() {
        DigitsDataset data = DigitsDataset.generate(3, 1000);
        int[] perClass = new int[DigitsDataset.NUM_CLASSES];
        for (int i = 0; i < data.size(); i++) {
            float[] image = data.image(i);
            assertThat(image).hasSize(28 * 28);
            float max = 0;
            for (float v : image) {
                assertThat(v).isBetween(0f, 1f);
                max = Math.max(max, v);
            }
            assertThat(max).as("image %d has ink", i).isGreaterThan(0.8f);
            perClass[data.label(i)]++;
        }
        assertThat(perClass).containsOnly(100);
    }

    @Test
    void inkStaysOffTheImageBorder() {
        DigitsDataset data = DigitsDataset.generate(9, 1000);
        double borderInk = 0;
        double totalInk = 0;
        for (int i = 0; i < data.size(); i++) {
            float[] image = data.image(i);
            for (int row = 0; row < 28; row++) {
                for (int col = 0; col < 28; col++) {
                    float v = image[row * 28 + col];
                    totalInk += v;
                    if (row == 0 || col == 0 || row == 27 || col == 27) {
                        borderInk += v;
                    }
                }
            }
        }
        assertThat(borderInk / totalInk).isLessThan(0.005);
    }

    /**
     * Classes are told apart by their shape, not by chance: each held-out digit lies nearer the
     * mean image of its own class than of any other far more often than the 10% of guessing, and
     * the class means are far apart compared with their size.
     */
    @Test
    void classesAreDistinguishableByTheirMeanImages() {
        DigitsDataset training = DigitsDataset.generate(11, 3000);
        DigitsDataset heldOut = DigitsDataset.generate(12, 1000);
        float[][] means = training.classMeans();
        int correct = 0;
        for (int i = 0; i < heldOut.size(); i++) {
            correct += nearest(means, heldOut.image(i)) == heldOut.label(i) ? 1 : 0;
        }
        assertThat(correct / (double) heldOut.size()).isGreaterThan(0.6);
        for (int a = 0; a < 10; a++) {
            for (int b = a + 1; b < 10; b++) {
                assertThat(Math.sqrt(distance(means[a], means[b])))
                        .as("class means %d and %d", a, b)
                        .isGreaterThan(0.15 * Math.sqrt(distance(means[a], new float[784])));
            }
        }
    }

    /** Writes {@code target/digits-sheet.png} (10 rows = classes) for a person to look at. */
    @Test
    void rendersASheetOfEveryClass() throws Exception {
        DigitsDataset data = DigitsDataset.generate(7, 120);
        List<float[]> images = new ArrayList<>();
        for (int digit = 0; digit < 10; digit++) {
            for (int k = 0; k < 12; k++) {
                images.add(data.image(k * 10 + digit));
            }
        }
        Path sheet = Path.of("target", "digits-sheet.png");
        ImageGrid.writePng(sheet, images, 12, 3);
        BufferedImage png = ImageIO.read(sheet.toFile());
        assertThat(png.getWidth()).isEqualTo(12 * (28 * 3 + 2) + 2);
        assertThat(png.getHeight()).isEqualTo(10 * (28 * 3 + 2) + 2);
        assertThat(Files.size(sheet)).isGreaterThan(1000);
    }

    private static int nearest(float[][] means, float[] image) {
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int c = 0; c < means.length; c++) {
            double d = distance(means[c], image);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    private static double distance(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return d;
    }
}
