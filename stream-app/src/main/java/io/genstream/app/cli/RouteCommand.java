package io.genstream.app.cli;

import io.genstream.app.GenstreamApplication;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.kafka.TopicAdmin;
import io.genstream.app.routing.RouteWriter;
import io.genstream.avro.ModelRoute;
import io.genstream.models.registry.ModelRegistry;
import io.genstream.models.registry.ModelVersion;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code models promote ALIAS VERSION} (all traffic to VERSION) and {@code models route ALIAS V1=W1
 * [V2=W2 ...] [--max-frechet-distance X] [--min-realism X] [--min-grammar-valid-rate X]}: writes the
 * alias's route to the routes topic of {@code --bootstrap-servers}, where every instance picks it up.
 */
final class RouteCommand {

    private RouteCommand() {}

    static int run(CommandLine line, GenstreamConfig config, PrintStream out) {
        String alias = line.word(2);
        Map<String, Double> weights = new LinkedHashMap<>();
        if (line.word(1).equals("promote")) {
            if (alias.isEmpty() || line.word(3).isEmpty() || line.words().size() > 4) {
                throw new IllegalArgumentException("usage: models promote ALIAS VERSION");
            }
            weights.put(line.word(3), 1.0);
        } else {
            if (alias.isEmpty() || line.words().size() < 4) {
                throw new IllegalArgumentException("usage: models route ALIAS V1=W1 [V2=W2 ...]");
            }
            for (String pair : line.words().subList(3, line.words().size())) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("expected VERSION=WEIGHT, not '" + pair + "'");
                }
                weights.put(pair.substring(0, eq), Double.parseDouble(pair.substring(eq + 1)));
            }
        }
        requireKnownVersions(config, alias, weights.keySet());
        ModelRoute route = RouteWriter.route(alias, weights, gate(line, "max-frechet-distance"),
                gate(line, "min-realism"), gate(line, "min-grammar-valid-rate"), System.currentTimeMillis());
        String topic = GenstreamApplication.topics(config).modelRoutes().name();
        if (config.get(GenstreamConfig.TOPIC_CREATE)) {
            TopicAdmin.ensureTopics(GenstreamApplication.clientConfig(config), List.of(topic), Set.of(topic),
                    config.get(GenstreamConfig.TOPIC_PARTITIONS), config.get(GenstreamConfig.TOPIC_REPLICATION));
        }
        RouteWriter.write(GenstreamApplication.clientConfig(config), topic, route);
        out.printf("route of %s: %s%n", alias, route.getRoutes());
        return 0;
    }

    private static Double gate(CommandLine line, String flag) {
        String value = line.flags().get(flag);
        return value == null ? null : Double.parseDouble(value);
    }

    /** A typo in a version would send its share of traffic to the dead-letter topic: refuse it here. */
    private static void requireKnownVersions(GenstreamConfig config, String alias, Iterable<String> versions) {
        if (!ModelsCommand.hasStore(config)) {
            return; // routing from a machine without the model store
        }
        ModelRegistry registry = ModelRegistry.open(Path.of(config.get(GenstreamConfig.MODELS_DIR)));
        List<String> known = registry.list().stream().filter(v -> v.name().equals(alias))
                .map(ModelVersion::version).toList();
        for (String version : versions) {
            if (!known.contains(version)) {
                throw new IllegalArgumentException("model store " + registry.root() + " has no " + alias + "@"
                        + version + "; known versions: " + known);
            }
        }
    }
}
