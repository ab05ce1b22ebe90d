package io.genstream.app.generator;

/**
 * One image to generate for a request.
 *
 * @param index position within the request, 0-based
 * @param seed the seed recorded on the output (with {@code index}, enough to reproduce it)
 * @param label the class it is conditioned on
 * @param latent the latent vector fed to the model
 */
public record ImageItem(int index, long seed, int label, float[] latent) {}
