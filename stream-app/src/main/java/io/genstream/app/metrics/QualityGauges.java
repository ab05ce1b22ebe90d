package io.genstream.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@value GenstreamMetrics#QUALITY} gauges: per model version and metric, the value of the last closed window
 * reported. A metric the newest window of a model lacks (e.g. no reference statistics any more) reads NaN rather
 * than a stale figure. Tags are bounded: the model versions served, and metric names the window caps.
 */
final class QualityGauges {

    /** The figure one gauge reads; written by the stream thread, read by the scrape. */
    private static final class LastValue {
        volatile double value = Double.NaN;
    }

    private final MeterRegistry registry;
    /** Strong references: Micrometer holds a gauge's state object weakly. */
    private final Map<String, Map<String, LastValue>> byModel = new ConcurrentHashMap<>();

    QualityGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    void report(String modelId, Map<String, Double> metrics) {
        Map<String, LastValue> gauges = byModel.computeIfAbsent(modelId, m -> new ConcurrentHashMap<>());
        gauges.forEach((metric, last) -> {
            if (!metrics.containsKey(metric)) {
                last.value = Double.NaN;
            }
        });
        metrics.forEach((metric, value) -> gauges.computeIfAbsent(metric, m -> register(modelId, m)).value = value);
    }

    private LastValue register(String modelId, String metric) {
        LastValue last = new LastValue();
        Gauge.builder(GenstreamMetrics.QUALITY, last, l -> l.value)
                .description("Quality of a model version over its last closed window (see the genstream.quality topic)")
                .tags(ModelTags.of(modelId))
                .tag("metric", metric)
                .register(registry);
        return last;
    }
}
