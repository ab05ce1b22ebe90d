package io.genstream.models.gan;

import java.util.Random;

/**
 * The noise vector for a seed: {@code dim} draws of {@link Random#nextGaussian()} from
 * {@code new Random(seed)}. The Java specification fixes that algorithm, so any JVM (the trainer's
 * contact sheet, the serving runtime, a test) turns a seed into the same z, bit for bit.
 */
public final class LatentNoise {

    private LatentNoise() {}

    public static float[] forSeed(long seed, int dim) {
        Random rng = new Random(seed);
        float[] z = new float[dim];
        for (int i = 0; i < dim; i++) {
            z[i] = (float) rng.nextGaussian();
        }
        return z;
    }
}
