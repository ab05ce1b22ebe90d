package io.genstream.app.topology;

import io.genstream.app.routing.CanaryGate;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The canary gate's flow:
 *
 * <pre>
 *   genstream.quality ─▶ key by model name ─▶ repartition ─▶ canary gate (latest report per version)
 *     ─▶ rollback routes ─▶ genstream.model-routes
 * </pre>
 */
public final class CanaryFlow {

    private CanaryFlow() {}

    public static void build(StreamsBuilder builder, Topics topics, Supplier<CanaryGate> gate) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CanaryGate.STORE),
                Serdes.String(), topics.quality().valueSerde()));
        builder.stream(topics.quality().name(), topics.quality().consumed())
                .selectKey((modelId, report) -> report.getModelName(), Named.as("canary-by-model-name"))
                .repartition(Repartitioned.with(Serdes.String(), topics.quality().valueSerde())
                        .withName("canary-by-model"))
                .process(gate::get, Named.as("canary-gate"), CanaryGate.STORE)
                .to(topics.modelRoutes().name(), topics.modelRoutes().produced());
    }
}
