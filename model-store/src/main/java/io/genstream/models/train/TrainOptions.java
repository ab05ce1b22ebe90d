package io.genstream.models.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Command-line options of {@link TrainCommand}:
 * {@code digits-gan|digits-vae|digits-eval [--out DIR | --root DIR [--version V]] [--preset standard|tiny] [--steps N]
 * [--seed S] [--data-seed S] [--data-size N] [--threads N] [--overwrite]}.
 *
 * @param model the model to train, one of {@link #MODELS}
 * @param out the version folder to write; empty = {@code <root>/<model>/<next version>}
 * @param root the model store, used when {@code out} is not given
 * @param version the version to write under {@code root}; empty = one above the latest
 * @param preset the named configuration the overrides apply to
 * @param overrides the settings given on the command line, which replace the preset's
 * @param overwrite replace an existing, non-empty version folder
 */
public record TrainOptions(
        String model, Optional<Path> out, Path root, Optional<String> version, String preset,
        TrainingOverrides overrides, boolean overwrite) {

    public static final String DIGITS_GAN = "digits-gan";
    public static final String DIGITS_VAE = "digits-vae";
    public static final String DIGITS_EVAL = "digits-eval";
    public static final List<String> MODELS = List.of(DIGITS_GAN, DIGITS_VAE, DIGITS_EVAL);
    public static final List<String> PRESETS = List.of("standard", "tiny");

    public static final String USAGE = "usage: TrainCommand digits-gan|digits-vae|digits-eval [--out DIR | --root DIR [--version V]]"
            + " [--preset standard|tiny] [--steps N] [--seed S] [--data-seed S] [--data-size N] [--threads N]"
            + " [--overwrite]";

    /** @throws IllegalArgumentException with a message for the user on any bad or unknown argument */
    public static TrainOptions parse(List<String> args) {
        if (args.isEmpty() || !MODELS.contains(args.get(0))) {
            throw new IllegalArgumentException("the trainable models are " + String.join(", ", MODELS) + "\n" + USAGE);
        }
        Path out = null;
        Path root = Path.of("model-store");
        String version = null;
        boolean overwrite = false;
        String preset = "standard";
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
                case "--preset" -> preset = value;
                case "--steps" -> steps = Integer.valueOf(value);
                case "--seed" -> seed = Long.valueOf(value);
                case "--data-seed" -> dataSeed = Long.valueOf(value);
                case "--data-size" -> dataSize = Integer.valueOf(value);
                case "--threads" -> threads = Integer.valueOf(value);
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        if (!PRESETS.contains(preset)) {
            throw new IllegalArgumentException("unknown preset " + preset + "\n" + USAGE);
        }
        // Overrides apply after the preset, whatever their order on the command line.
        TrainOptions options = new TrainOptions(args.get(0), Optional.ofNullable(out), root, Optional.ofNullable(version),
                preset, new TrainingOverrides(steps, seed, dataSeed, dataSize, threads), overwrite);
        // The model's own checks of the resulting config, now rather than after the data is drawn.
        if (options.model().equals(DIGITS_VAE)) {
            options.vaeConfig();
        } else if (options.model().equals(DIGITS_EVAL)) {
            options.classifierConfig();
        } else {
            options.config();
        }
        return options;
    }

    /** The digits-gan configuration: the preset with the overrides. */
    public GanConfig config() {
        return (preset.equals("tiny") ? GanConfig.tiny() : GanConfig.standard()).with(overrides);
    }

    /** The digits-vae configuration: the preset with the overrides. */
    public VaeConfig vaeConfig() {
        return (preset.equals("tiny") ? VaeConfig.tiny() : VaeConfig.standard()).with(overrides);
    }

    /** The digits-eval configuration: the preset with the overrides. */
    public ClassifierConfig classifierConfig() {
        return (preset.equals("tiny") ? ClassifierConfig.tiny() : ClassifierConfig.standard()).with(overrides);
    }
}
