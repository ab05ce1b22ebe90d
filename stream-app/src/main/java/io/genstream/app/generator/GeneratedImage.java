package io.genstream.app.generator;

/**
 * One generated image: grey pixels in [0,1], row-major, and the discriminator's realism score.
 *
 * @param pixels width × height values, row-major, 0 = black background
 * @param realism the discriminator's probability that the image is real, in [0,1]; NaN for a model without one (a VAE)
 */
public record GeneratedImage(float[] pixels, double realism) {}
