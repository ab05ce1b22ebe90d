package io.genstream.models.gpt;

import java.util.stream.IntStream;

/**
 * Everything that decides a catalog-gpt training run besides the vocabulary (which fixes the
 * vocabulary size). Two runs with equal configs on the same machine kind give the same weights.
 *
 * @param maxLength positions a sequence may hold, context prefix + blurb (the end token is
 *     predicted, never stored)
 * @param dModel residual width
 * @param heads attention (query) heads
 * @param kvHeads key/value heads, dividing {@code heads} (see {@link GptArchitecture})
 * @param layers Transformer blocks
 * @param mlpWidth MLP hidden width
 * @param steps Adam updates
 * @param batchSize sequences per update
 * @param peakLearningRate step size after the warm-up
 * @param warmupSteps linear warm-up from 0 to the peak (Adam's early steps are noisy, and
 *     attention weights blow up without it)
 * @param finalLearningRateFraction cosine decay from the peak down to this fraction of it at the last step
 * @param beta1 Adam first-moment decay
 * @param beta2 Adam second-moment decay
 * @param seed initial weights and batch order
 * @param dataSeed the training corpus; the held-out corpus uses {@code dataSeed + 1}
 * @param dataSize training examples
 * @param heldOutSize held-out examples (perplexity, sample contexts)
 * @param threads TensorFlow intra-op threads; fixed so that runs are reproducible
 * @param logEvery steps between loss records
 */
public record GptConfig(
        int maxLength,
        int dModel,
        int heads,
        int kvHeads,
        int layers,
        int mlpWidth,
        int steps,
        int batchSize,
        double peakLearningRate,
        int warmupSteps,
        double finalLearningRateFraction,
        double beta1,
        double beta2,
        long seed,
        long dataSeed,
        int dataSize,
        int heldOutSize,
        int threads,
        int logEvery) {

    public GptConfig {
        int smallest = IntStream.of(steps, batchSize, dataSize, heldOutSize, threads, logEvery).min().orElseThrow();
        boolean rates = peakLearningRate > 0 && warmupSteps >= 0 && finalLearningRateFraction >= 0 && finalLearningRateFraction <= 1;
        if (smallest < 1 || !rates) {
            throw new IllegalArgumentException("invalid GPT config: " + this);
        }
    }

    /**
     * The configuration of the published catalog-gpt model: four query heads sharing one key/value head
     * (multi-query attention) since version 4; versions 1 to 3 had four of each.
     */
    public static GptConfig standard() {
        return new GptConfig(160, 96, 4, 1, 2, 384, 2400, 32, 2e-3, 200, 0.1, 0.9, 0.99,
                1L, 20_240_701L, 40_000, 1_000, 2, 100);
    }

    /** Small and short enough for unit tests (seconds); it has not learned the grammar. */
    public static GptConfig tiny() {
        return new GptConfig(160, 16, 2, 1, 2, 32, 3, 4, 1e-3, 1, 0.1, 0.9, 0.99, 7L, 11L, 64, 16, 1, 1);
    }

    public GptArchitecture architecture(int vocabularySize) {
        return new GptArchitecture(vocabularySize, maxLength, dModel, heads, kvHeads, layers, mlpWidth);
    }

    /** The step size of update {@code step} (1-based): linear warm-up, then cosine decay. */
    public double learningRate(int step) {
        if (step <= warmupSteps) {
            return peakLearningRate * step / warmupSteps;
        }
        double progress = (double) (step - warmupSteps) / Math.max(1, steps - warmupSteps);
        double cosine = 0.5 * (1 + Math.cos(Math.PI * Math.min(1, progress)));
        return peakLearningRate * (finalLearningRateFraction + (1 - finalLearningRateFraction) * cosine);
    }

    public GptConfig withSteps(int newSteps) {
        return new GptConfig(maxLength, dModel, heads, kvHeads, layers, mlpWidth, newSteps, batchSize, peakLearningRate,
                warmupSteps, finalLearningRateFraction, beta1, beta2, seed, dataSeed, dataSize, heldOutSize, threads, logEvery);
    }

    public GptConfig withSeeds(long newSeed, long newDataSeed) {
        return new GptConfig(maxLength, dModel, heads, kvHeads, layers, mlpWidth, steps, batchSize, peakLearningRate,
                warmupSteps, finalLearningRateFraction, beta1, beta2, newSeed, newDataSeed, dataSize, heldOutSize, threads, logEvery);
    }

    public GptConfig withThreads(int newThreads) {
        return new GptConfig(maxLength, dModel, heads, kvHeads, layers, mlpWidth, steps, batchSize, peakLearningRate,
                warmupSteps, finalLearningRateFraction, beta1, beta2, seed, dataSeed, dataSize, heldOutSize, newThreads, logEvery);
    }
}
