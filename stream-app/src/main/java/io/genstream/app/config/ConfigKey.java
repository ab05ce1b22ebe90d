package io.genstream.app.config;

import java.util.function.Function;

/**
 * One configuration key: its name, its default, a one-line doc and how to parse its text.
 *
 * @param <T> the value type
 */
public record ConfigKey<T>(String name, T defaultValue, String doc, Function<String, T> parser) {

    static ConfigKey<String> string(String name, String defaultValue, String doc) {
        return new ConfigKey<>(name, defaultValue, doc, s -> s);
    }

    static ConfigKey<Integer> integer(String name, int defaultValue, String doc) {
        return new ConfigKey<>(name, defaultValue, doc, Integer::parseInt);
    }

    static ConfigKey<Long> longKey(String name, long defaultValue, String doc) {
        return new ConfigKey<>(name, defaultValue, doc, Long::parseLong);
    }

    static ConfigKey<Double> doubleKey(String name, double defaultValue, String doc) {
        return new ConfigKey<>(name, defaultValue, doc, Double::parseDouble);
    }

    static ConfigKey<Boolean> bool(String name, boolean defaultValue, String doc) {
        return new ConfigKey<>(name, defaultValue, doc, s -> {
            if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("expected true or false");
            }
            return Boolean.parseBoolean(s);
        });
    }

    /** The environment variable that sets this key: {@code a.b-c} ⇒ {@code GENSTREAM_A_B_C}. */
    public String envName() {
        return GenstreamConfig.ENV_PREFIX + name.toUpperCase().replace('.', '_').replace('-', '_');
    }
}
