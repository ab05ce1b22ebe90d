package io.genstream.models.train;

import io.genstream.models.classifier.ClassifierArchitecture;

/**
 * Everything that decides a digits-eval training run and its evaluation. Two runs with equal
 * configs on the same machine kind give the same weights (see {@link ClassifierTrainer}).
 *
 * @param channels channels of the 14×14 map (×2 at 7×7)
 * @param featureDim length of the penultimate feature vector
 * @param steps training iterations, one Adam update each
 * @param batchSize images per update
 * @param learningRate Adam step size; constant for the first half of the run, then falling
 *     linearly to 0 at the last step
 * @param beta1 Adam first-moment decay
 * @param beta2 Adam second-moment decay
 * @param seed weights and batch order
 * @param dataSeed the training data set
 * @param dataSize training images
 * @param heldOutSize images of a second data set (seed {@code dataSeed + 1}): the held-out accuracy
 *     and the reference feature statistics
 * @param sampleSize images of a third data set (seed {@code dataSeed + 2}) compared with the
 *     reference, and images drawn from each committed generator
 * @param threads TensorFlow intra-op threads; fixed so that runs are reproducible
 * @param logEvery steps between loss records
 */
public record ClassifierConfig(
        int channels,
        int featureDim,
        int steps,
        int batchSize,
        double learningRate,
        double beta1,
        double beta2,
        long seed,
        long dataSeed,
        int dataSize,
        int heldOutSize,
        int sampleSize,
        int threads,
        int logEvery) {

    public static final int NUM_CLASSES = 10;

    public ClassifierConfig {
        if (steps < 1 || batchSize < 1 || dataSize < NUM_CLASSES || heldOutSize < NUM_CLASSES
                || sampleSize < NUM_CLASSES || threads < 1 || logEvery < 1 || learningRate <= 0) {
            throw new IllegalArgumentException("invalid classifier config: " + this);
        }
    }

    /** The configuration of the published digits-eval model. */
    public static ClassifierConfig standard() {
        return new ClassifierConfig(32, 64, 4000, 64, 1e-3, 0.9, 0.999, 1L, 20_240_603L, 60_000, 10_000, 2_000, 2, 100);
    }

    /** A model small and short enough for unit tests (seconds); it does not classify well yet. */
    public static ClassifierConfig tiny() {
        return new ClassifierConfig(4, 16, 3, 8, 1e-3, 0.9, 0.999, 7L, 11L, 100, 50, 30, 1, 1);
    }

    public ClassifierArchitecture architecture() {
        return new ClassifierArchitecture(NUM_CLASSES, channels, featureDim);
    }

    /** Adam's step size at {@code step} (1-based). */
    public float learningRate(int step) {
        return LearningRates.constantThenLinearDecay(learningRate, step, steps);
    }

    /** This config with the overrides applied. */
    public ClassifierConfig with(TrainingOverrides o) {
        return new ClassifierConfig(channels, featureDim, o.steps(steps), batchSize, learningRate, beta1, beta2,
                o.seed(seed), o.dataSeed(dataSeed), o.dataSize(dataSize), heldOutSize, sampleSize,
                o.threads(threads), logEvery);
    }
}
