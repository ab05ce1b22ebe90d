package io.genstream.app.generator;

/**
 * One generated image: grey pixels in [0,1], row-major, the discriminator's realism score, and
 * what the image classifier says of it.
 *
 * @param realism the discriminator's probability that the image is real, in [0,1]; NaN for a model without one (a VAE)
 * @param score the classifier's probabilities and features, or null where no classifier is served
 */
public record GeneratedImage(float[] pixels, double realism, ImageScorer.Score score) {

    public GeneratedImage(float[] pixels, double realism) {
        this(pixels, realism, null);
    }

    public GeneratedImage withScore(ImageScorer.Score classified) {
        return new GeneratedImage(pixels, realism, classified);
    }
}
