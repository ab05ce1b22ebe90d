package io.genstream.models.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.genstream.models.gpt.GptConfig;

/**
 * Command-line options of {@code catalog-gpt} training:
 * {@code catalog-gpt [--out DIR | --root DIR [--version V]] [--preset standard|tiny] [--steps N]
 * [--seed S] [--data-seed S] [--threads N] [--weights-of V] [--overwrite]}. Overrides apply after the preset.
 * {@code --weights-of V} trains nothing: it exports version V's weights (under {@code --root}) with this build's
 * graph, and evaluates that.
 */
record CatalogGptOptions(Optional<Path> out, Path root, Optional<String> version, GptConfig config,
        Optional<String> weightsOf, boolean overwrite) {

    static final String USAGE = "usage: TrainCommand catalog-gpt [--out DIR | --root DIR [--version V]]"
            + " [--preset standard|tiny] [--steps N] [--seed S] [--data-seed S] [--threads N] [--weights-of V] [--overwrite]";

    private static final Set<String> VALUED = Set.of(
            "--out", "--root", "--version", "--preset", "--steps", "--seed", "--data-seed", "--threads", "--weights-of");

    /** @throws IllegalArgumentException with a message for the user on any bad or unknown argument */
    static CatalogGptOptions parse(List<String> args) {
        TrainArguments arguments = TrainArguments.parse(args, VALUED, USAGE);
        Map<String, String> given = arguments.values();
        boolean overwrite = arguments.overwrite();
        GptConfig config = switch (given.getOrDefault("--preset", "standard")) {
            case "standard" -> GptConfig.standard();
            case "tiny" -> GptConfig.tiny();
            default -> throw new IllegalArgumentException("unknown preset " + given.get("--preset") + "\n" + USAGE);
        };
        try {
            if (given.containsKey("--steps")) {
                config = config.withSteps(Integer.parseInt(given.get("--steps")));
            }
            config = config.withSeeds(Long.parseLong(given.getOrDefault("--seed", String.valueOf(config.seed()))),
                    Long.parseLong(given.getOrDefault("--data-seed", String.valueOf(config.dataSeed()))));
            if (given.containsKey("--threads")) {
                config = config.withThreads(Integer.parseInt(given.get("--threads")));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + e.getMessage() + "\n" + USAGE, e);
        }
        return new CatalogGptOptions(Optional.ofNullable(given.get("--out")).map(Path::of),
                Path.of(given.getOrDefault("--root", "model-store")), Optional.ofNullable(given.get("--version")),
                config, Optional.ofNullable(given.get("--weights-of")), overwrite);
    }
}
