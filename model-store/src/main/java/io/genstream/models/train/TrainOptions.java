package io.genstream.models.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Command-line options of {@link TrainCommand}:
 * {@code digits-gan [--out DIR | --root DIR [--version V]] [--preset standard|tiny] [--steps N]
 * [--seed S] [--data-seed S] [--data-size N] [--threads N] [--overwrite]}.
 *
 * @param model the model to train; only {@code digits-gan} for now
 * @param out the version folder to write; empty = {@code <root>/<model>/<next version>}
 * @param root the model store, used when {@code out} is not given
 * @param version the version to write under {@code root}; empty = one above the latest
 * @param config the training configuration after the preset and the overrides
 * @param overwrite replace an existing, non-empty version folder
 */
public record TrainOptions(
        String model, Optional<Path> out, Path root, Optional<String> version, GanConfig config, boolean overwrite) {

    public static final String USAGE = "usage: TrainCommand digits-gan [--out DIR | --root DIR [--version V]]"
            + " [--preset standard|tiny] [--steps N] [--seed S] [--data-seed S] [--data-size N] [--threads N]"
            + " [--overwrite]";

    /** @throws IllegalArgumentException with a message for the user on any bad or unknown argument */
    public static TrainOptions parse(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("digits-gan")) {
            throw new IllegalArgumentException("trainable models: digits-gan, catalog-lstm\n" + USAGE);
        }
        Path out = null;
        Path root = Path.of("model-store");
        String version = null;
        boolean overwrite = false;
        GanConfig config = GanConfig.standard();
        Integer steps = null;
        Long seed = null;
        Long dataSeed = null;
        Integer dataSize = null;
        Integer threads = null;
        for (int i = 1; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--overwrite")) {
                overwrite = true;
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
            }
            String value = args.get(++i);
            switch (option) {
                case "--out" -> out = Path.of(value);
                case "--root" -> root = Path.of(value);
                case "--version" -> version = value;
                case "--preset" -> config = preset(value);
                case "--steps" -> steps = Integer.valueOf(value);
                case "--seed" -> seed = Long.valueOf(value);
                case "--data-seed" -> dataSeed = Long.valueOf(value);
                case "--data-size" -> dataSize = Integer.valueOf(value);
                case "--threads" -> threads = Integer.valueOf(value);
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        // Overrides apply after the preset, whatever their order on the command line.
        config = new GanConfig(config.latentDim(), config.generatorChannels(), config.discriminatorChannels(),
                config.discriminatorFeatures(), steps != null ? steps : config.steps(), config.batchSize(),
                config.learningRate(), config.beta1(), config.beta2(), config.realLabelSmoothing(), config.generatorAverageDecay(),
                seed != null ? seed : config.seed(), dataSeed != null ? dataSeed : config.dataSeed(),
                dataSize != null ? dataSize : config.dataSize(), config.heldOutSize(),
                threads != null ? threads : config.threads(), config.logEvery());
        return new TrainOptions("digits-gan", Optional.ofNullable(out), root, Optional.ofNullable(version), config, overwrite);
    }

    private static GanConfig preset(String name) {
        return switch (name) {
            case "standard" -> GanConfig.standard();
            case "tiny" -> GanConfig.tiny();
            default -> throw new IllegalArgumentException("unknown preset " + name + "\n" + USAGE);
        };
    }
}
