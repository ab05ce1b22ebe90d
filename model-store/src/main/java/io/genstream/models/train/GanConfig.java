package io.genstream.models.train;

import io.genstream.models.gan.GanArchitecture;

/**
 * Everything that decides a digits-gan training run. Two runs with equal configs on the same
 * machine kind give the same weights (see {@link GanTrainer}).
 *
 * @param latentDim length of the noise vector z
 * @param generatorChannels channels of the generator's 7×7 map (÷2 at 14×14, ÷4 at 28×28)
 * @param discriminatorChannels channels of the discriminator's 14×14 map (×2 at 7×7)
 * @param discriminatorFeatures length of the discriminator's feature vector
 * @param steps training iterations, each one discriminator and one generator update
 * @param batchSize real images (and as many generated ones) per update
 * @param learningRate Adam step size for both networks
 * @param beta1 Adam first-moment decay; 0.5 as in DCGAN, 0.9 makes GANs oscillate
 * @param beta2 Adam second-moment decay
 * @param realLabelSmoothing target for real images in the discriminator loss (1 = none)
 * @param generatorAverageDecay decay of the running average of the generator's weights, which is
 *     the generator kept; 0 keeps the last weights
 * @param seed weights, noise and batch order
 * @param dataSeed the training data set
 * @param dataSize training images
 * @param heldOutSize images of a second data set (seed {@code dataSeed + 1}) used for evaluation
 * @param threads TensorFlow intra-op threads; fixed so that runs are reproducible
 * @param logEvery steps between loss records
 */
public record GanConfig(
        int latentDim,
        int generatorChannels,
        int discriminatorChannels,
        int discriminatorFeatures,
        int steps,
        int batchSize,
        double learningRate,
        double beta1,
        double beta2,
        double realLabelSmoothing,
        double generatorAverageDecay,
        long seed,
        long dataSeed,
        int dataSize,
        int heldOutSize,
        int threads,
        int logEvery) {

    public static final int NUM_CLASSES = 10;

    public GanConfig {
        if (steps < 1 || batchSize < 1 || dataSize < NUM_CLASSES || heldOutSize < NUM_CLASSES
                || threads < 1 || logEvery < 1 || learningRate <= 0
                || generatorAverageDecay < 0 || generatorAverageDecay >= 1) {
            throw new IllegalArgumentException("invalid GAN config: " + this);
        }
    }

    /** The configuration of the published digits-gan model. */
    public static GanConfig standard() {
        return new GanConfig(64, 64, 32, 128, 4500, 64, 2e-4, 0.5, 0.999, 0.9, 0.999, 1L, 20_240_601L, 30_000, 2_000, 2, 100);
    }

    /** A model small and short enough for unit tests (seconds); its images are not digits yet. */
    public static GanConfig tiny() {
        return new GanConfig(64, 8, 4, 16, 3, 8, 2e-4, 0.5, 0.999, 0.9, 0.5, 7L, 11L, 100, 50, 1, 1);
    }

    /** This config with the overrides applied. */
    public GanConfig with(TrainingOverrides o) {
        return new GanConfig(latentDim, generatorChannels, discriminatorChannels, discriminatorFeatures, o.steps(steps),
                batchSize, learningRate, beta1, beta2, realLabelSmoothing, generatorAverageDecay,
                o.seed(seed), o.dataSeed(dataSeed), o.dataSize(dataSize), heldOutSize, o.threads(threads), logEvery);
    }

    public GanArchitecture architecture() {
        return new GanArchitecture(latentDim, NUM_CLASSES, generatorChannels, discriminatorChannels, discriminatorFeatures);
    }

    public GanConfig withSteps(int newSteps) {
        return with(new TrainingOverrides(newSteps, null, null, null, null));
    }

    public GanConfig withSeed(long newSeed) {
        return with(new TrainingOverrides(null, newSeed, null, null, null));
    }

    public GanConfig withThreads(int newThreads) {
        return with(new TrainingOverrides(null, null, null, null, newThreads));
    }
}
