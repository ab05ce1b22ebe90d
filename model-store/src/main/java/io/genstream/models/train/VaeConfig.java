package io.genstream.models.train;

import io.genstream.models.vae.VaeArchitecture;

/**
 * Everything that decides a digits-vae training run. Two runs with equal configs on the same
 * machine kind give the same weights (see {@link VaeTrainer}).
 *
 * @param latentDim length of the latent vector z
 * @param decoderChannels channels of the decoder's 7×7 map (÷2 at 14×14, ÷4 at 28×28)
 * @param encoderChannels channels of the encoder's 14×14 map (×2 at 7×7)
 * @param encoderFeatures length of the encoder's feature vector
 * @param steps training iterations, one Adam update of both networks each
 * @param batchSize images per update
 * @param learningRate Adam step size; constant for the first half of the run, then falling
 *     linearly to 0 at the last step (the late small steps settle the weights, a few nats of ELBO)
 * @param beta1 Adam first-moment decay
 * @param beta2 Adam second-moment decay
 * @param klWarmupSteps steps over which the KL term's weight rises linearly from 0 to 1; it lets
 *     the decoder learn to use z before the prior pulls the codes together (0 = full weight at once)
 * @param seed weights, reparameterisation noise and batch order
 * @param dataSeed the training data set
 * @param dataSize training images
 * @param heldOutSize images of a second data set (seed {@code dataSeed + 1}) used for evaluation
 * @param threads TensorFlow intra-op threads; fixed so that runs are reproducible
 * @param logEvery steps between loss records
 */
public record VaeConfig(
        int latentDim,
        int decoderChannels,
        int encoderChannels,
        int encoderFeatures,
        int steps,
        int batchSize,
        double learningRate,
        double beta1,
        double beta2,
        int klWarmupSteps,
        long seed,
        long dataSeed,
        int dataSize,
        int heldOutSize,
        int threads,
        int logEvery) {

    public static final int NUM_CLASSES = 10;

    public VaeConfig {
        if (steps < 1 || batchSize < 1 || dataSize < NUM_CLASSES || heldOutSize < NUM_CLASSES
                || threads < 1 || logEvery < 1 || learningRate <= 0 || klWarmupSteps < 0) {
            throw new IllegalArgumentException("invalid VAE config: " + this);
        }
    }

    /** The configuration of the published digits-vae model. */
    public static VaeConfig standard() {
        return new VaeConfig(8, 64, 32, 128, 4000, 64, 1e-3, 0.9, 0.999, 1000, 1L, 20_240_601L, 30_000, 2_000, 2, 100);
    }

    /** A model small and short enough for unit tests (seconds); its images are not digits yet. */
    public static VaeConfig tiny() {
        return new VaeConfig(8, 8, 4, 16, 3, 8, 1e-3, 0.9, 0.999, 2, 7L, 11L, 100, 50, 1, 1);
    }

    public VaeArchitecture architecture() {
        return new VaeArchitecture(latentDim, NUM_CLASSES, decoderChannels, encoderChannels, encoderFeatures);
    }

    /** Weight of the KL term at {@code step} (1-based): the warm-up ramp, then 1. */
    public float klWeight(int step) {
        return step >= klWarmupSteps ? 1f : (float) step / klWarmupSteps;
    }

    /** Adam's step size at {@code step} (1-based): constant, then a linear decay over the second half. */
    public float learningRate(int step) {
        return LearningRates.constantThenLinearDecay(learningRate, step, steps);
    }

    /** This config with the overrides applied. */
    public VaeConfig with(TrainingOverrides o) {
        return new VaeConfig(latentDim, decoderChannels, encoderChannels, encoderFeatures, o.steps(steps),
                batchSize, learningRate, beta1, beta2, klWarmupSteps, o.seed(seed), o.dataSeed(dataSeed),
                o.dataSize(dataSize), heldOutSize, o.threads(threads), logEvery);
    }
}
