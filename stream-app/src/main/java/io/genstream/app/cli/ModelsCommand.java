package io.genstream.app.cli;

import io.genstream.app.GenstreamApplication;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.routing.RouteFeed;
import io.genstream.app.routing.RouteTable;
import io.genstream.avro.ModelRoute;
import io.genstream.models.registry.ModelRegistry;
import io.genstream.models.registry.ModelVersion;
import io.genstream.models.registry.VerificationResult;
import io.genstream.models.train.TrainCommand;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** {@code models list|verify|promote|route|train}: the model store and its routes from the command line. */
final class ModelsCommand {

    private ModelsCommand() {}

    /** {@code models train ...} keeps its own flags, so it takes the raw arguments after "train". */
    static int train(String[] rawArgs, PrintStream out) {
        List<String> args = Arrays.asList(rawArgs).subList(2, rawArgs.length);
        return TrainCommand.run(args, out, System.err);
    }

    static int run(CommandLine line, GenstreamConfig config, PrintStream out) throws InterruptedException {
        return switch (line.word(1)) {
            case "list" -> list(registry(config), routes(line, config), out);
            case "verify" -> verify(registry(config), out);
            case "promote", "route" -> RouteCommand.run(line, config, out);
            default -> throw new IllegalArgumentException("models needs one of: list, verify, promote, route, train");
        };
    }

    private static ModelRegistry registry(GenstreamConfig config) {
        return ModelRegistry.open(Path.of(config.get(GenstreamConfig.MODELS_DIR)));
    }

    /** The routes in force when {@code --bootstrap-servers} is given, else null. */
    private static Map<String, ModelRoute> routes(CommandLine line, GenstreamConfig config)
            throws InterruptedException {
        if (!line.flags().containsKey(GenstreamConfig.BOOTSTRAP_SERVERS.name())) {
            return null;
        }
        RouteTable table = new RouteTable();
        try (RouteFeed feed = RouteFeed.start(GenstreamApplication.clientConfig(config),
                GenstreamApplication.topics(config).modelRoutes().name(), table)) {
            feed.awaitCaughtUp(Duration.ofSeconds(30));
        }
        return table.all();
    }

    private static int list(ModelRegistry registry, Map<String, ModelRoute> routes, PrintStream out) {
        out.printf("%-16s %-8s %-11s %-6s %-9s %-9s %s%n", "NAME", "VERSION", "KIND", "FILES", "VERIFIED",
                routes == null ? "" : "WEIGHT", "FOLDER");
        for (VerificationResult result : registry.verifyAll()) {
            ModelVersion version = result.version();
            out.printf("%-16s %-8s %-11s %-6d %-9s %-9s %s%n", version.name(), version.version(),
                    version.manifest().kind(), version.manifest().files().size(), result.ok() ? "ok" : "FAILED",
                    routes == null ? "" : weight(registry, routes, version), version.dir());
        }
        return 0;
    }

    /** The version's share of its name's traffic: by its route, else all of it for the latest version. */
    private static String weight(ModelRegistry registry, Map<String, ModelRoute> routes, ModelVersion version) {
        ModelRoute route = routes.get(version.name());
        if (route == null) {
            boolean latest = registry.latest(version.name()).map(v -> v.equals(version)).orElse(false);
            return latest ? "latest" : "-";
        }
        double total = route.getRoutes().stream().mapToDouble(e -> Math.max(0, e.getWeight())).sum();
        return route.getRoutes().stream().filter(e -> e.getVersion().equals(version.version())).findFirst()
                .map(e -> String.format("%.0f%%", 100 * Math.max(0, e.getWeight()) / total)).orElse("0%");
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

    /** Whether the model store is there to check versions against. */
    static boolean hasStore(GenstreamConfig config) {
        return Files.isDirectory(Path.of(config.get(GenstreamConfig.MODELS_DIR)));
    }
}
