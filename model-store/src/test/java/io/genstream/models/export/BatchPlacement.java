package io.genstream.models.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.genstream.models.gan.LatentNoise;

/** Checks that a served generator computes each row from that row alone. */
final class BatchPlacement {

    /** A served model's images for latents {@code [n × latentDim]} and {@code n} labels. */
    interface ServedImages {
        float[] images(float[] latents, int[] labels) throws Exception;
    }

    private BatchPlacement() {}

    /**
     * The image of {@code latent} under {@code label} when it sits at {@code position} of a batch
     * of {@code size}, the other rows filled with the latents of seeds 1000.. and labels i mod 10.
     */
    static float[] imageInBatch(ServedImages model, float[] latent, int label, int size, int position) throws Exception {
        int dim = latent.length;
        float[] z = new float[size * dim];
        int[] y = new int[size];
        for (int i = 0; i < size; i++) {
            System.arraycopy(LatentNoise.forSeed(1000 + i, dim), 0, z, i * dim, dim);
            y[i] = i % 10;
        }
        System.arraycopy(latent, 0, z, position * dim, dim);
        y[position] = label;
        float[] image = new float[28 * 28];
        System.arraycopy(model.images(z, y), position * image.length, image, 0, image.length);
        return image;
    }

    /** Equal to within float rounding (different kernels' summation orders), element by element. */
    static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(1e-6f));
        }
    }
}
