package io.genstream.app.topology;

import io.genstream.app.generator.ImageGenerator;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.validation.NoiseSeedValidator;
import io.genstream.avro.GeneratedContent;
import io.genstream.avro.NoiseSeedEvent;
import io.genstream.schemas.AvroCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * Image generation from noise seeds:
 *
 * <pre>
 *   noise-seeds ─▶ intake (size, decode, validate) ─▶ generate ─▶ content
 *                        │                           (pending store → batcher → PNG)
 *                        └─ rejected ─▶ dlq                 └─ failed ─▶ dlq
 * </pre>
 *
 * The production topology: {@link #build} is what the application runs and what the tests drive.
 */
public final class NoiseSeedTopology {

    /**
     * What the flow needs; wiring (config, devices, registry) happens elsewhere.
     *
     * @param maxCount largest count accepted
     * @param maxSteps largest interpolation steps accepted
     * @param maxInputBytes largest input value accepted
     * @param drainInterval how often finished requests are emitted (wall clock)
     * @param maxBlock longest a stream thread waits for room in a full model queue per record
     */
    public record Settings(int maxCount, int maxSteps, int maxInputBytes, Duration drainInterval, Duration maxBlock) {}

    private NoiseSeedTopology() {}

    public static void build(
            StreamsBuilder builder,
            Topics topics,
            ModelCatalog models,
            Settings settings,
            GenstreamMetrics metrics,
            Clock clock) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ImageGeneration.STORE), Serdes.Long(), Serdes.ByteArray()));
        NoiseSeedValidator validator = new NoiseSeedValidator(
                name -> models.image(name).map(ImageGenerator::info), settings.maxCount(), settings.maxSteps());
        DeadLetters deadLetters = new DeadLetters(metrics, clock);
        AvroCodec<NoiseSeedEvent> codec = AvroCodec.of(NoiseSeedEvent.class);

        Map<String, KStream<byte[], Outcome<NoiseSeedEvent>>> intake = builder
                .stream(topics.noiseSeeds().name(), topics.noiseSeeds().consumed())
                .processValues(
                        () -> new Intake<>(codec, validator::validate, settings.maxInputBytes(), deadLetters, metrics),
                        Named.as("noise-seed-intake"))
                .split(Named.as("noise-seed-"))
                .branch((key, outcome) -> outcome.isRejected(), Branched.as("rejected"))
                .defaultBranch(Branched.as("accepted"));
        toDeadLetters(intake.get("noise-seed-rejected"), topics, "noise-seed-intake-dlq");

        Map<String, KStream<byte[], Outcome<GeneratedContent>>> generated = intake.get("noise-seed-accepted")
                .process(() -> new ImageGeneration(models, deadLetters, clock, settings.drainInterval(),
                        settings.maxBlock()), Named.as("noise-seed-generate"), ImageGeneration.STORE)
                .split(Named.as("image-"))
                .branch((key, outcome) -> outcome.isRejected(), Branched.as("failed"))
                .defaultBranch(Branched.as("generated"));
        toDeadLetters(generated.get("image-failed"), topics, "image-generate-dlq");

        generated.get("image-generated")
                .map((key, outcome) -> KeyValue.pair(outcome.value().getRequestId(), outcome.value()),
                        Named.as("image-by-request-id"))
                .to(topics.content().name(), topics.content().produced());
    }

    static <T> void toDeadLetters(KStream<byte[], Outcome<T>> rejected, Topics topics, String name) {
        rejected.mapValues(Outcome::rejection, Named.as(name))
                .to(topics.deadLetters().name(), topics.deadLetters().produced());
    }
}
