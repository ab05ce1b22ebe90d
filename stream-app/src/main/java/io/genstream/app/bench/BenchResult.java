package io.genstream.app.bench;

import io.genstream.app.Generators;
import io.genstream.app.config.GenstreamConfig;
import java.util.List;
import java.util.Map;

/**
 * Everything one bench run measured, and the targets judged on it.
 *
 * @param setup what was measured, and with which settings
 * @param limit L: the raw model at each batch size
 * @param baseline B: the per-record topology
 * @param genstream P: genstream end to end
 * @param genstreamBatches the model calls genstream made during P (is the model the bottleneck?)
 * @param latency genstream at half of P's throughput
 * @param light genstream at a hundredth of P's throughput ({@link BenchCommand#LIGHT_LOAD})
 * @param cpu per phase ({@code limit}, {@code baseline}, {@code genstream}, {@code latency}, {@code light}), in
 *     that order
 * @param text continuous batching against one at a time, per served text model
 */
record BenchResult(Setup setup, LimitBench.Result limit, Throughput baseline, Throughput genstream,
        BatchMeters genstreamBatches, Latency latency, Latency light, Map<String, CpuUse> cpu,
        List<TextBench.Result> text) {

    /** P/L: genstream keeps at least this share of what the model alone can do. */
    static final double MIN_P_OVER_L = 0.6;
    /** P/B: genstream beats the per-record pattern at least this many times over. */
    static final double MIN_P_OVER_B = 5;
    /** p99 ≤ max batch delay + this many model calls. */
    static final double P99_CALLS = 3;

    /**
     * The model and the settings the run used (all from {@link GenstreamConfig}).
     *
     * @param modelId {@code name@version}
     * @param cores processors this JVM sees
     * @param device where the model ran, e.g. {@code [cpu()]}
     * @param intraOpThreads TensorFlow's intra-op threads, as given to the engine (a default resolved)
     * @param targetBusy {@code batch.target.busy}: when a partial batch may run before its delay
     */
    record Setup(String modelId, int cores, String device, int batchMaxSize, long maxBatchDelayMs,
            int streamThreads, int instancesPerDevice, long commitIntervalMs, int partitions, int intraOpThreads,
            double targetBusy) {

        static Setup of(String modelId, String device, GenstreamConfig config) {
            return new Setup(modelId, Runtime.getRuntime().availableProcessors(),
                    device, config.get(GenstreamConfig.BATCH_MAX_SIZE),
                    config.get(GenstreamConfig.BATCH_MAX_DELAY_MS), config.get(GenstreamConfig.STREAM_THREADS),
                    config.get(GenstreamConfig.INSTANCES_PER_DEVICE), config.get(GenstreamConfig.COMMIT_INTERVAL_MS),
                    config.get(GenstreamConfig.TOPIC_PARTITIONS), Generators.intraOpThreads(config),
                    config.get(GenstreamConfig.BATCH_TARGET_BUSY));
        }
    }

    /**
     * One target: {@code value ≥ bound} (or {@code ≤} when {@code atMost}). NaN never meets it.
     *
     * @param key the JSON name
     */
    record Target(String key, String label, double value, boolean atMost, double bound) {

        boolean met() {
            return atMost ? value <= bound : value >= bound;
        }

        String rule() {
            return (atMost ? "<= " : ">= ") + BenchReport.number(bound);
        }
    }

    double limitSamplesPerSecond() {
        return limit.best().samplesPerSecond();
    }

    double pOverL() {
        return genstream.samplesPerSecond() / limitSamplesPerSecond();
    }

    double pOverB() {
        return genstream.samplesPerSecond() / baseline.samplesPerSecond();
    }

    /** One batch's inference time: the mean model call during the latency phase (genstream.inference). */
    double batchInferenceMs() {
        return latency.batches().meanCallMs();
    }

    double p99BoundMs() {
        return setup.maxBatchDelayMs() + P99_CALLS * batchInferenceMs();
    }

    List<Target> targets() {
        List<Target> targets = new java.util.ArrayList<>(List.of(
                new Target("p_over_l", "P/L", pOverL(), false, MIN_P_OVER_L),
                new Target("p_over_b", "P/B", pOverB(), false, MIN_P_OVER_B),
                new Target("p99_ms", "p99 latency ms", latency.p99Ms(), true, p99BoundMs())));
        TextReport.headline(text).ifPresent(r -> targets.add(new Target("text_speedup",
                "text ×, " + r.model().name(), r.speedup(), false, TextBench.MIN_SPEEDUP)));
        return targets;
    }

    boolean targetsMet() {
        return targets().stream().allMatch(Target::met);
    }
}
