package io.genstream.models.export;

/**
 * A class-conditional image model driven by a latent vector (the digits-gan's generator, the
 * digits-vae's decoder): what a contact sheet and the sample-quality figures need of it.
 */
public interface LatentImageModel {

    int latentDim();

    int numClasses();

    /** Images {@code [count × 28 × 28]} in [0, 1] for latents {@code [count × latentDim]} and {@code count} labels. */
    float[] images(float[] latents, int[] labels);
}
