package io.genstream.models.train;

import io.genstream.models.lstm.CharLstmArchitecture;
import io.genstream.models.text.CatalogCorpus;
import io.genstream.models.text.CharVocabulary;

/**
 * Everything that decides a catalog-lstm training run. Two runs with equal configs on the same
 * machine kind give the same weights (see {@link CharLstmTrainer}).
 *
 * @param hidden units per LSTM layer
 * @param layers stacked LSTM layers
 * @param steps Adam updates
 * @param batchSize sequences per update
 * @param window time steps the training graph unrolls; a sequence is cut after this many inputs
 * @param learningRate Adam step size at the start
 * @param finalLearningRate step size at the last update (cosine decay in between)
 * @param beta1 Adam first-moment decay
 * @param beta2 Adam second-moment decay
 * @param clipNorm global gradient norm the gradients are clipped to
 * @param seed starting weights and batch order
 * @param dataSeed the training corpus ({@code CatalogCorpus.generate(dataSeed, dataSize)})
 * @param dataSize training examples
 * @param heldOutSize examples of a second corpus (seed {@code dataSeed + 1}) used for evaluation
 * @param threads TensorFlow intra-op threads; fixed so that runs are reproducible
 * @param logEvery steps between loss records
 */
public record CharLstmConfig(
        int hidden,
        int layers,
        int steps,
        int batchSize,
        int window,
        double learningRate,
        double finalLearningRate,
        double beta1,
        double beta2,
        double clipNorm,
        long seed,
        long dataSeed,
        int dataSize,
        int heldOutSize,
        int threads,
        int logEvery) {

    public CharLstmConfig {
        if (hidden < 1 || layers < 1 || steps < 1 || batchSize < 1 || window < 1 || learningRate <= 0
                || finalLearningRate <= 0 || clipNorm <= 0 || dataSize < 1 || heldOutSize < 1 || threads < 1 || logEvery < 1) {
            throw new IllegalArgumentException("invalid LSTM config: " + this);
        }
    }

    /** The configuration of the published catalog-lstm model. */
    public static CharLstmConfig standard() {
        return new CharLstmConfig(192, 2, 1700, 32, CatalogCorpus.MAX_SEQUENCE_LENGTH - 1, 3e-3, 2e-4, 0.9, 0.999, 1.0,
                1L, 20_240_701L, 20_000, 1_000, 2, 50);
    }

    /** A model small and short enough for unit tests (seconds); it has not learnt the language. */
    public static CharLstmConfig tiny() {
        return new CharLstmConfig(16, 2, 3, 4, 40, 3e-3, 1e-3, 0.9, 0.999, 1.0, 7L, 11L, 50, 20, 1, 1);
    }

    public CharLstmArchitecture architecture() {
        return new CharLstmArchitecture(CharVocabulary.catalog().size(), hidden, layers);
    }

    /** The learning rate of update {@code step} (1-based): cosine from {@code learningRate} to {@code finalLearningRate}. */
    public double learningRateAt(int step) {
        double progress = steps == 1 ? 1 : (step - 1) / (double) (steps - 1);
        return finalLearningRate + (learningRate - finalLearningRate) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }

    public CharLstmConfig withSteps(int newSteps) {
        return new CharLstmConfig(hidden, layers, newSteps, batchSize, window, learningRate, finalLearningRate, beta1,
                beta2, clipNorm, seed, dataSeed, dataSize, heldOutSize, threads, logEvery);
    }
}
