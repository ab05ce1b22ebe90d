package io.genstream.app.generator;

import io.genstream.models.gan.LatentNoise;
import java.util.Random;

/**
 * Turns a seed into a latent vector and, when none is requested, a class label.
 *
 * <p>Uses {@link java.util.Random}, whose algorithm is fully specified (a 48-bit LCG and the polar
 * method for Gaussians), so any client can reproduce an item from the seed on its record.
 */
public final class LatentSampler {

    private LatentSampler() {}

    /**
     * A standard-normal latent vector of the given length, fixed by the seed: the same function
     * the trainer used for its contact sheet, so a seed means the same thing in both.
     */
    public static float[] latent(long seed, int dim) {
        return LatentNoise.forSeed(seed, dim);
    }

    /** The label used for an unconditioned request: uniform over the classes, fixed by the seed. */
    public static int label(long seed, int numClasses) {
        // A different stream from the latent's, so label and latent are independent.
        return new Random(~seed).nextInt(numClasses);
    }

    /**
     * Spherical interpolation between two latents; the model store's function, so the trainers'
     * contact sheets show the same frames as served interpolations.
     *
     * @param t in [0,1]
     */
    public static float[] slerp(float[] from, float[] to, double t) {
        return LatentNoise.slerp(from, to, t);
    }
}
