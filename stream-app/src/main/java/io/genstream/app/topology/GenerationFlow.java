package io.genstream.app.topology;

import io.genstream.app.quality.QualityObservation;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.validation.Validated;
import io.genstream.schemas.AvroCodec;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * The shape every request flow shares: source → intake (size, decode, validate) → pending
 * generation → content, with intake rejections and generation failures to the dead-letter topic;
 * every generated item also becomes a quality observation for {@link QualityTopology}.
 */
final class GenerationFlow {

    private GenerationFlow() {}

    /**
     * @param source the input topic
     * @param requests name prefix of the request-side processors, e.g. {@code noise-seed}
     * @param outputs name prefix of the output-side processors, e.g. {@code image}
     * @param store the changelogged pending store the generation stage uses
     * @param type the request record's class
     * @param validator the request's rules (after the size bound and decoding)
     * @param rateLimit accepted requests per record key and window of record time
     * @param generation the generation stage, given the dead letters it shares with the intake
     * @return the quality observations of the generated items, keyed by model version
     */
    static <E extends SpecificRecordBase> KStream<String, QualityObservation> build(StreamsBuilder builder,
            Topics topics, Topic<byte[], byte[]> source, String requests, String outputs, String store,
            Class<E> type, Function<E, Validated<E>> validator, int maxInputBytes, RequestRateLimit rateLimit,
            GenstreamMetrics metrics, Clock clock, Function<DeadLetters, PendingGeneration<E>> generation) {
        DeadLetters deadLetters = new DeadLetters(metrics, clock);
        AvroCodec<E> codec = AvroCodec.of(type);
        String rateStore = requests + "-rate-limit";
        Supplier<Intake<E>> intake = () -> new Intake<>(codec, validator, maxInputBytes, deadLetters, metrics,
                rateLimit, rateStore);
        // Cached: most requests are stored and deleted within one commit interval, and the cache
        // turns that put and delete into one changelog record (flushed before each commit, so the
        // store is still part of the transaction).
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(store), Serdes.Long(), Serdes.ByteArray()).withCachingEnabled());
        // The rate store joins the topology only when a limit is set, so turning it on is the
        // only change that adds a changelog topic.
        String[] intakeStores = {};
        if (rateLimit.enabled()) {
            builder.addStateStore(KeyRateLimiter.store(rateStore, rateLimit));
            intakeStores = new String[] {rateStore};
        }

        Map<String, KStream<byte[], Outcome<E>>> accepted = builder
                .stream(source.name(), source.consumed())
                .processValues(intake::get, Named.as(requests + "-intake"), intakeStores)
                .split(Named.as(requests + "-"))
                .branch((key, outcome) -> outcome.isRejected(), Branched.as("rejected"))
                .defaultBranch(Branched.as("accepted"));
        toDeadLetters(accepted.get(requests + "-rejected"), topics, requests + "-intake-dlq");

        Map<String, KStream<byte[], Outcome<GeneratedItem>>> generated = accepted.get(requests + "-accepted")
                .process(() -> generation.apply(deadLetters), Named.as(requests + "-generate"), store)
                .split(Named.as(outputs + "-"))
                .branch((key, outcome) -> outcome.isRejected(), Branched.as("failed"))
                .defaultBranch(Branched.as("generated"));
        toDeadLetters(generated.get(outputs + "-failed"), topics, outputs + "-generate-dlq");

        KStream<byte[], Outcome<GeneratedItem>> items = generated.get(outputs + "-generated");
        items.map((key, outcome) -> KeyValue.pair(outcome.value().content().getRequestId(), outcome.value().content()),
                        Named.as(outputs + "-by-request-id"))
                .peek((requestId, content) -> metrics.emitted(content), Named.as(outputs + "-emitted-meters"))
                .to(topics.content().name(), topics.content().produced());
        return items.map((key, outcome) -> QualityTopology.observe(outcome.value()),
                Named.as(outputs + "-quality-observation"));
    }

    private static <T> void toDeadLetters(KStream<byte[], Outcome<T>> rejected, Topics topics, String name) {
        rejected.mapValues(Outcome::rejection, Named.as(name))
                .to(topics.deadLetters().name(), topics.deadLetters().produced());
    }
}
