package io.genstream.app.metrics;

import io.genstream.app.validation.RejectionReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The meters the topology records. Tags are bounded: reasons are an enum, models are the ones
 * this instance serves, and topics are genstream's own.
 */
public final class GenstreamMetrics {

    public static final String REQUESTS = "genstream.requests";
    public static final String REJECTED = "genstream.rejected";
    public static final String ITEMS = "genstream.items.generated";
    public static final String INFERENCE = "genstream.inference";

    private final MeterRegistry registry;
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Map<RejectionReason, Counter>> rejected = new ConcurrentHashMap<>();
    private final Map<String, Counter> items = new ConcurrentHashMap<>();
    private final Map<String, Timer> inference = new ConcurrentHashMap<>();

    public GenstreamMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** A record arrived on an input topic. */
    public void requestReceived(String topic) {
        requests.computeIfAbsent(topic, t -> Counter.builder(REQUESTS)
                .description("Input records received")
                .tag("topic", t)
                .register(registry)).increment();
    }

    /** An input was rejected and sent to the dead-letter topic. */
    public void rejected(String topic, RejectionReason reason) {
        rejected.computeIfAbsent(topic, t -> new EnumMap<>(RejectionReason.class));
        Map<RejectionReason, Counter> byReason = rejected.get(topic);
        Counter counter;
        synchronized (byReason) {
            counter = byReason.computeIfAbsent(reason, r -> Counter.builder(REJECTED)
                    .description("Inputs rejected to the dead-letter topic, by reason")
                    .tag("topic", topic)
                    .tag("reason", r.name())
                    .register(registry));
        }
        counter.increment();
    }

    /** A model produced {@code n} items in one call that took {@code elapsed}. */
    public void generated(String modelId, int n, Duration elapsed) {
        items.computeIfAbsent(modelId, m -> Counter.builder(ITEMS)
                .description("Items generated")
                .tag("model", m)
                .register(registry)).increment(n);
        inference.computeIfAbsent(modelId, m -> Timer.builder(INFERENCE)
                .description("Time of one model call (a batch)")
                .tag("model", m)
                .publishPercentileHistogram()
                .register(registry)).record(elapsed);
    }
}
