package io.genstream.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsed arguments: the command words, {@code --config FILE}, and {@code --key value} flags,
 * where the key is a configuration key ({@code --generation.max.count 8}) or one of the short
 * aliases ({@code --bootstrap-servers}, {@code --duration}, ...).
 *
 * @param words command and sub-command words, e.g. {@code [models, list]}
 * @param configFile the properties file, or null
 * @param flags configuration keys to values
 */
record CommandLine(List<String> words, Path configFile, Map<String, String> flags) {

    private static final Map<String, String> ALIASES = Map.of(
            "bootstrap-servers", "bootstrap.servers",
            "models-dir", "models.dir",
            "model-store", "models.dir",
            "duration", "demo.duration.seconds",
            "events-per-second", "demo.events.per.second",
            "output", "demo.output.dir",
            "port", "demo.port",
            "device", "generator.device",
            "threads", "streams.threads");

    static CommandLine parse(String[] args) {
        List<String> words = new ArrayList<>();
        Map<String, String> flags = new LinkedHashMap<>();
        Path configFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                words.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (name.equals("config")) {
                configFile = Path.of(value);
            } else {
                flags.put(ALIASES.getOrDefault(name, name), value);
            }
        }
        return new CommandLine(List.copyOf(words), configFile, flags);
    }

    String word(int i) {
        return i < words.size() ? words.get(i) : "";
    }
}
