package io.genstream.models.vae;

import io.genstream.models.gan.GeneratorLayout;
import io.genstream.models.gan.ImageFeatures;

/**
 * The sizes that define the digits-vae networks.
 *
 * @param latentDim length of the latent vector {@code z}
 * @param numClasses number of labels both networks are conditioned on
 * @param decoderChannels channels of the decoder's 7×7 map; halved at 14×14 and again at 28×28
 * @param encoderChannels channels of the encoder's 14×14 map; doubled at 7×7
 * @param encoderFeatures length of the feature vector the encoder's Gaussian heads read
 */
public record VaeArchitecture(
        int latentDim,
        int numClasses,
        int decoderChannels,
        int encoderChannels,
        int encoderFeatures) {

    /** Side of the square images, fixed by the digits data set. */
    public static final int IMAGE_SIZE = 28;

    private static final String DECODER_SCOPE = "decoder/";

    public VaeArchitecture {
        // The two layouts reject sizes that do not make a network.
        new GeneratorLayout(DECODER_SCOPE, latentDim, numClasses, decoderChannels);
        new ImageFeatures(EncoderNetwork.SCOPE, encoderChannels, encoderFeatures);
    }

    public GeneratorLayout decoderLayout() {
        return new GeneratorLayout(DECODER_SCOPE, latentDim, numClasses, decoderChannels);
    }

    public ImageFeatures encoderTrunk() {
        return new ImageFeatures(EncoderNetwork.SCOPE, encoderChannels, encoderFeatures);
    }
}
