package io.genstream.app.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What only {@code bench} needs, read from the command line's flags (every other flag is a
 * configuration key and reaches {@code GenstreamConfig} as usual). Kept out of the typed
 * configuration on purpose: these say how to measure, not how genstream runs.
 *
 * @param json where to write the JSON result, or null
 * @param phase how long each throughput phase should take (it sizes the event counts)
 * @param latencyDuration how long the half-load latency phase offers events
 * @param limitBatchSizes the batch sizes tried for the raw model limit
 * @param baselineEvents events pre-produced for the baseline; 0 = sized from the limit at batch 1
 * @param genstreamEvents events pre-produced for genstream; 0 = sized from the best limit
 * @param textOnly measure only text generation (continuous batching against one at a time)
 * @param warmUp how long genstream runs, unmeasured, before P ({@link Duration#ZERO}: not at all)
 */
public record BenchOptions(Path json, Duration phase, Duration latencyDuration, List<Integer> limitBatchSizes,
        int baselineEvents, int genstreamEvents, boolean textOnly, Duration warmUp) {

    public static final String JSON = "json";
    public static final String DURATION_PER_PHASE = "duration-per-phase";
    public static final String LATENCY_DURATION = "latency-duration";
    public static final String LIMIT_BATCH_SIZES = "limit-batch-sizes";
    public static final String BASELINE_EVENTS = "baseline-events";
    public static final String GENSTREAM_EVENTS = "genstream-events";
    public static final String TEXT_ONLY = "text-only";
    public static final String WARM_UP = "warm-up";

    static final int DEFAULT_PHASE_SECONDS = 30;
    static final int DEFAULT_WARM_UP_SECONDS = 30;
    static final List<Integer> DEFAULT_BATCH_SIZES = List.of(1, 8, 32, 64, 128, 256);

    public BenchOptions {
        if (phase.toMillis() < 1000 || latencyDuration.toMillis() < 1000) {
            throw new IllegalArgumentException("--" + DURATION_PER_PHASE + " and --" + LATENCY_DURATION
                    + " must be at least 1 s");
        }
        if (limitBatchSizes.isEmpty() || limitBatchSizes.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("--" + LIMIT_BATCH_SIZES + " needs batch sizes ≥ 1, e.g. 1,8,32");
        }
        if (baselineEvents < 0 || genstreamEvents < 0) {
            throw new IllegalArgumentException("event counts must be ≥ 0 (0 = sized automatically)");
        }
        if (warmUp.isNegative()) {
            throw new IllegalArgumentException("--" + WARM_UP + " must be ≥ 0 s (0 = none)");
        }
        limitBatchSizes = List.copyOf(limitBatchSizes);
    }

    /** The bench options among the command line's flags; the other flags are ignored here. */
    public static BenchOptions from(Map<String, String> flags) {
        int phaseSeconds = positive(flags, DURATION_PER_PHASE, DEFAULT_PHASE_SECONDS);
        String json = flags.get(JSON);
        return new BenchOptions(
                json == null || json.isBlank() ? null : Path.of(json),
                Duration.ofSeconds(phaseSeconds),
                Duration.ofSeconds(positive(flags, LATENCY_DURATION, phaseSeconds)),
                flags.containsKey(LIMIT_BATCH_SIZES) ? sizes(flags.get(LIMIT_BATCH_SIZES)) : DEFAULT_BATCH_SIZES,
                integer(flags, BASELINE_EVENTS, 0),
                integer(flags, GENSTREAM_EVENTS, 0),
                Boolean.parseBoolean(flags.getOrDefault(TEXT_ONLY, "false")),
                Duration.ofSeconds(integer(flags, WARM_UP, DEFAULT_WARM_UP_SECONDS)));
    }

    private static int positive(Map<String, String> flags, String name, int fallback) {
        int value = integer(flags, name, fallback);
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1, not " + value);
        }
        return value;
    }

    private static int integer(Map<String, String> flags, String name, int fallback) {
        String raw = flags.get(name);
        if (raw == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + raw + "'", e);
        }
    }

    private static List<Integer> sizes(String raw) {
        try {
            return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + LIMIT_BATCH_SIZES + " must be comma-separated numbers, not '"
                    + raw + "'", e);
        }
    }
}
