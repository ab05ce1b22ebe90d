package io.genstream.models.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.Raster;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.genstream.models.export.ContactSheet.Interpolation;
import io.genstream.models.gan.LatentNoise;

/** The sheet shows, cell by cell, the image of the latent and label it claims to show. */
class ContactSheetTest {

    private static final int LATENT = 4;
    private static final int CLASSES = 3;
    private static final int COLUMNS = 5;
    private static final int SCALE = 2;
    private static final int SIDE = 28;

    @TempDir
    Path dir;

    /** A stand-in generator whose image spells out its inputs: pixel p is latent[p mod 4] shifted by the label. */
    private static final class InputsAsImage implements LatentImageModel {

        @Override
        public int latentDim() {
            return LATENT;
        }

        @Override
        public int numClasses() {
            return CLASSES;
        }

        @Override
        public float[] images(float[] latents, int[] labels) {
            float[] images = new float[labels.length * SIDE * SIDE];
            for (int k = 0; k < labels.length; k++) {
                float[] z = new float[LATENT];
                System.arraycopy(latents, k * LATENT, z, 0, LATENT);
                System.arraycopy(image(z, labels[k]), 0, images, k * SIDE * SIDE, SIDE * SIDE);
            }
            return images;
        }

        static float[] image(float[] z, int label) {
            float[] image = new float[SIDE * SIDE];
            for (int p = 0; p < image.length; p++) {
                image[p] = Math.max(0f, Math.min(1f, 0.5f + 0.1f * z[p % LATENT] + 0.1f * label));
            }
            return image;
        }
    }

    @Test
    void rowsAreClassesColumnsAreSeedsAndStripsFollowTheSlerpPath() throws Exception {
        Path file = dir.resolve(ContactSheet.FILE_NAME);
        List<Interpolation> strips = List.of(new Interpolation(3, 8, 1), new Interpolation(11, 12, 2));
        ContactSheet.write(new InputsAsImage(), file, COLUMNS, SCALE, strips);
        Raster sheet = ImageIO.read(file.toFile()).getRaster();

        int cell = SIDE * SCALE + 2;
        assertThat(sheet.getWidth()).isEqualTo(COLUMNS * cell + 2);
        assertThat(sheet.getHeight()).isEqualTo((CLASSES + strips.size()) * cell + 2);
        for (int row = 0; row < CLASSES; row++) {
            for (int col = 0; col < COLUMNS; col++) {
                assertCell(sheet, row, col, InputsAsImage.image(LatentNoise.forSeed(col, LATENT), row));
            }
        }
        for (int s = 0; s < strips.size(); s++) {
            Interpolation strip = strips.get(s);
            float[] from = LatentNoise.forSeed(strip.fromSeed(), LATENT);
            float[] to = LatentNoise.forSeed(strip.toSeed(), LATENT);
            assertCell(sheet, CLASSES + s, 0, InputsAsImage.image(from, strip.label()));
            assertCell(sheet, CLASSES + s, COLUMNS - 1, InputsAsImage.image(to, strip.label()));
            for (int col = 1; col < COLUMNS - 1; col++) {
                float[] z = LatentNoise.slerp(from, to, (double) col / (COLUMNS - 1));
                assertCell(sheet, CLASSES + s, col, InputsAsImage.image(z, strip.label()));
            }
        }
    }

    private static void assertCell(Raster sheet, int row, int col, float[] expected) {
        int cell = SIDE * SCALE + 2;
        for (int p = 0; p < expected.length; p++) {
            int x = 2 + col * cell + (p % SIDE) * SCALE;
            int y = 2 + row * cell + (p / SIDE) * SCALE;
            assertThat(sheet.getSample(x, y, 0)).as("row %d col %d pixel %d", row, col, p)
                    .isEqualTo(Math.round(expected[p] * 255f));
        }
    }
}
