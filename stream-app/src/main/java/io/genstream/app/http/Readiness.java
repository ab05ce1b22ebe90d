package io.genstream.app.http;

import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Whether the instance can serve: its models are loaded and Kafka Streams is RUNNING. Set by the wiring as it
 * starts up, read by {@code /readyz}.
 */
public final class Readiness {

    private volatile boolean modelsLoaded;
    private volatile Supplier<KafkaStreams.State> streams;

    public void modelsLoaded() {
        modelsLoaded = true;
    }

    /** Readiness follows this instance's Kafka Streams from now on. */
    public void watch(KafkaStreams streams) {
        this.streams = streams::state;
    }

    /** Readiness follows the given state (for tests and for a wiring without a {@code KafkaStreams} yet). */
    void watch(Supplier<KafkaStreams.State> state) {
        this.streams = state;
    }

    /** Empty when ready, else why not. */
    public Optional<String> notReadyReason() {
        if (!modelsLoaded) {
            return Optional.of("models not loaded");
        }
        Supplier<KafkaStreams.State> state = streams;
        if (state == null) {
            return Optional.of("Kafka Streams not started");
        }
        KafkaStreams.State now = state.get();
        return now == KafkaStreams.State.RUNNING ? Optional.empty() : Optional.of("Kafka Streams is " + now);
    }
}
