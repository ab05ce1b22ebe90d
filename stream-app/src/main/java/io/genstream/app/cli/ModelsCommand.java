package io.genstream.app.cli;

import io.genstream.app.config.GenstreamConfig;
import io.genstream.models.registry.ModelRegistry;
import io.genstream.models.registry.ModelVersion;
import io.genstream.models.registry.VerificationResult;
import io.genstream.models.train.TrainCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** {@code models list|verify|train}: the model store from the command line. */
final class ModelsCommand {

    private ModelsCommand() {}

    /** {@code models train ...} keeps its own flags, so it takes the raw arguments after "train". */
    static int train(String[] rawArgs, PrintStream out) {
        List<String> args = Arrays.asList(rawArgs).subList(2, rawArgs.length);
        return TrainCommand.run(args, out, System.err);
    }

    static int run(CommandLine line, GenstreamConfig config, PrintStream out) {
        ModelRegistry registry = ModelRegistry.open(Path.of(config.get(GenstreamConfig.MODELS_DIR)));
        return switch (line.word(1)) {
            case "list" -> list(registry, out);
            case "verify" -> verify(registry, out);
            default -> throw new IllegalArgumentException("models needs one of: list, verify, train");
        };
    }

    private static int list(ModelRegistry registry, PrintStream out) {
        out.printf("%-16s %-8s %-11s %-6s %s%n", "NAME", "VERSION", "KIND", "FILES", "FOLDER");
        for (ModelVersion version : registry.list()) {
            out.printf("%-16s %-8s %-11s %-6d %s%n", version.name(), version.version(), version.manifest().kind(),
                    version.manifest().files().size(), version.dir());
        }
        return 0;
    }

    private static int verify(ModelRegistry registry, PrintStream out) {
        int failed = 0;
        for (VerificationResult result : registry.verifyAll()) {
            if (result.ok()) {
                out.printf("OK    %s%n", result.version().id());
            } else {
                failed++;
                out.printf("FAIL  %s: %s%n", result.version().id(), result.failure().orElseThrow().getMessage());
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
