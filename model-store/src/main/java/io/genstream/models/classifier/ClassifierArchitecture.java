package io.genstream.models.classifier;

import io.genstream.models.gan.ImageFeatures;

/**
 * The sizes that define the digits-eval network.
 *
 * @param numClasses number of classes it tells apart
 * @param channels channels of the 14×14 map; doubled at 7×7
 * @param featureDim length of the penultimate feature vector: the space of the Fréchet distance
 *     and of diversity
 */
public record ClassifierArchitecture(int numClasses, int channels, int featureDim) {

    /** Side of the square images, fixed by the digits data set. */
    public static final int IMAGE_SIZE = 28;

    static final String SCOPE = "classifier/";

    public ClassifierArchitecture {
        if (numClasses < 2) {
            throw new IllegalArgumentException("invalid classifier architecture: " + numClasses + " classes");
        }
        // The trunk rejects sizes that do not make a network.
        new ImageFeatures(SCOPE, channels, featureDim);
    }

    /** The convolutional trunk up to the features, under the {@code classifier/} scope. */
    public ImageFeatures trunk() {
        return new ImageFeatures(SCOPE, channels, featureDim);
    }
}
