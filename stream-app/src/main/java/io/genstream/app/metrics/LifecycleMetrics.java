package io.genstream.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Meters of the model lifecycle: versions refused by the catalog, canaries rolled back by the gate. */
public final class LifecycleMetrics {

    public static final String REFUSED = "genstream.models.refused";
    public static final String ROLLBACKS = "genstream.canary.rollbacks";

    private final MeterRegistry registry;

    public LifecycleMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A model version was refused (its files do not match its manifest, or it did not load). */
    public void refused(String modelId, String reason) {
        Counter.builder(REFUSED).description("Model versions refused by the catalog")
                .tags(ModelTags.of(modelId)).tag("reason", reason).register(registry).increment();
    }

    /** The canary gate took {@code version} out of {@code alias}'s route because of {@code metric}. */
    public void rolledBack(String alias, String version, String metric) {
        Counter.builder(ROLLBACKS).description("Canary versions rolled back by the quality gate")
                .tag("alias", alias).tag("version", version).tag("metric", metric).register(registry).increment();
    }
}
