package io.genstream.models.train;

/**
 * The command-line settings that replace a preset's values, whatever the model; {@code null} keeps
 * the preset's.
 *
 * @param steps training steps
 * @param seed weights, noise and batch order
 * @param dataSeed the training data set
 * @param dataSize training images
 * @param threads TensorFlow intra-op threads
 */
public record TrainingOverrides(Integer steps, Long seed, Long dataSeed, Integer dataSize, Integer threads) {

    public static final TrainingOverrides NONE = new TrainingOverrides(null, null, null, null, null);

    int steps(int preset) {
        return steps != null ? steps : preset;
    }

    long seed(long preset) {
        return seed != null ? seed : preset;
    }

    long dataSeed(long preset) {
        return dataSeed != null ? dataSeed : preset;
    }

    int dataSize(int preset) {
        return dataSize != null ? dataSize : preset;
    }

    int threads(int preset) {
        return threads != null ? threads : preset;
    }
}
