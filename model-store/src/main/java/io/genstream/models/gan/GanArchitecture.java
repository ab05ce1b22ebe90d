package io.genstream.models.gan;

/**
 * The sizes that define the digits-gan networks. Everything else (layer order, kernel sizes) is
 * fixed by {@link GeneratorNetwork} and {@link DiscriminatorNetwork}.
 *
 * @param latentDim length of the noise vector {@code z}
 * @param numClasses number of labels the networks are conditioned on
 * @param generatorChannels channels of the generator's 7×7 map; halved at 14×14 and again at 28×28
 * @param discriminatorChannels channels of the discriminator's 14×14 map; doubled at 7×7
 * @param discriminatorFeatures length of the feature vector the projection head reads
 */
public record GanArchitecture(
        int latentDim,
        int numClasses,
        int generatorChannels,
        int discriminatorChannels,
        int discriminatorFeatures) {

    /** Side of the square images, fixed by the digits data set. */
    public static final int IMAGE_SIZE = 28;

    public GanArchitecture {
        if (latentDim < 1 || numClasses < 2 || generatorChannels < 4 || generatorChannels % 4 != 0
                || discriminatorChannels < 1 || discriminatorFeatures < 1) {
            throw new IllegalArgumentException("invalid GAN architecture: " + this);
        }
    }

    /** The generator's sizes, under the {@code generator/} scope. */
    public GeneratorLayout generatorLayout() {
        return new GeneratorLayout("generator/", latentDim, numClasses, generatorChannels);
    }
}
