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

    /**
     * Spherical interpolation between two latents (the usual path through a Gaussian latent
     * space: it keeps the norm typical, where a straight line passes near the origin). The
     * serving runtime's interpolation frames and the trainers' contact sheets both use it, so a
     * frame means the same latent in both.
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
