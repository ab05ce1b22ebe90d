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
     * Spherical interpolation between two latents (the usual path through a Gaussian latent
     * space: it keeps the norm typical, where a straight line passes near the origin).
     *
     * @param t in [0,1]
     */
    public static float[] slerp(float[] from, float[] to, double t) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < from.length; i++) {
            dot += (double) from[i] * to[i];
            na += (double) from[i] * from[i];
            nb += (double) to[i] * to[i];
        }
        double cos = dot / Math.max(Math.sqrt(na * nb), 1e-12);
        double omega = Math.acos(Math.max(-1, Math.min(1, cos)));
        float[] out = new float[from.length];
        if (omega < 1e-6) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) ((1 - t) * from[i] + t * to[i]);
            }
            return out;
        }
        double s = Math.sin(omega);
        double a = Math.sin((1 - t) * omega) / s;
        double b = Math.sin(t * omega) / s;
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (a * from[i] + b * to[i]);
        }
        return out;
    }
}
