package io.genstream.models.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line options of {@code TrainCommand catalog-lstm}:
 * {@code [--out DIR | --root DIR [--version V]] [--preset standard|tiny] [--steps N] [--seed S]
 * [--data-seed S] [--threads N] [--samples N] [--overwrite]}.
 *
 * @param samples how many blurbs to sample for the grammar-valid rates
 */
record CatalogLstmOptions(
        Optional<Path> out, Path root, Optional<String> version, CharLstmConfig config, int samples, boolean overwrite) {

    static final String USAGE = "usage: TrainCommand catalog-lstm [--out DIR | --root DIR [--version V]]"
            + " [--preset standard|tiny] [--steps N] [--seed S] [--data-seed S] [--threads N] [--samples N] [--overwrite]";

    private static final Set<String> WITH_VALUE =
            Set.of("--out", "--root", "--version", "--preset", "--steps", "--seed", "--data-seed", "--threads", "--samples");

    /** @throws IllegalArgumentException with a message for the user on any bad or unknown argument */
    static CatalogLstmOptions parse(List<String> args) {
        TrainArguments arguments = TrainArguments.parse(args, WITH_VALUE, USAGE);
        Map<String, String> given = arguments.values();
        boolean overwrite = arguments.overwrite();
        CharLstmConfig preset = switch (given.getOrDefault("--preset", "standard")) {
            case "standard" -> CharLstmConfig.standard();
            case "tiny" -> CharLstmConfig.tiny();
            default -> throw new IllegalArgumentException("unknown preset " + given.get("--preset") + "\n" + USAGE);
        };
        // Overrides apply after the preset, whatever their order on the command line.
        CharLstmConfig config = new CharLstmConfig(preset.hidden(), preset.layers(),
                intOr(given, "--steps", preset.steps()), preset.batchSize(), preset.window(),
                preset.learningRate(), preset.finalLearningRate(), preset.beta1(), preset.beta2(), preset.clipNorm(),
                longOr(given, "--seed", preset.seed()), longOr(given, "--data-seed", preset.dataSeed()),
                preset.dataSize(), preset.heldOutSize(), intOr(given, "--threads", preset.threads()), preset.logEvery());
        int samples = intOr(given, "--samples", preset.equals(CharLstmConfig.tiny()) ? 16 : 300);
        return new CatalogLstmOptions(Optional.ofNullable(given.get("--out")).map(Path::of),
                Path.of(given.getOrDefault("--root", "model-store")), Optional.ofNullable(given.get("--version")),
                config, samples, overwrite);
    }

    private static int intOr(Map<String, String> given, String option, int fallback) {
        return given.containsKey(option) ? Integer.parseInt(given.get(option)) : fallback;
    }

    private static long longOr(Map<String, String> given, String option, long fallback) {
        return given.containsKey(option) ? Long.parseLong(given.get(option)) : fallback;
    }
}
