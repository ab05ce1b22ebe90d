package io.genstream.app.metrics;

import io.genstream.avro.GeneratedContent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The meters of items as they leave genstream: items out by kind and the end-to-end latency histogram
 * ({@code createdAt} → {@code emittedAt}), per model version. Tags are bounded: the model versions served
 * and the two content kinds.
 */
final class EmittedMeters {

    private record Meters(Counter items, Timer latency) {}

    private final MeterRegistry registry;
    private final Map<String, Meters> byModelAndKind = new ConcurrentHashMap<>();

    EmittedMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(GeneratedContent content) {
        String name = content.getModelName();
        String version = content.getModelVersion();
        String kind = content.getKind().name();
        Meters meters = byModelAndKind.computeIfAbsent(name + '@' + version + '\n' + kind,
                k -> register(ModelTags.of(name, version), kind));
        meters.items().increment();
        // A clock behind the producer's would give a negative latency; it counts as zero.
        meters.latency().record(Math.max(0, content.getEmittedAt() - content.getCreatedAt()), TimeUnit.MILLISECONDS);
    }

    private Meters register(Tags model, String kind) {
        Counter items = Counter.builder(GenstreamMetrics.ITEMS_EMITTED)
                .description("Items written to the content topic, by kind")
                .tags(model).tag("kind", kind).register(registry);
        Timer latency = Timer.builder(GenstreamMetrics.END_TO_END)
                .description("End-to-end latency of an item: request createdAt to item emittedAt")
                .tags(model).tag("kind", kind)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(2))
                .register(registry);
        return new Meters(items, latency);
    }
}
