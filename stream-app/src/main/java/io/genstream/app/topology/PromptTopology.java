package io.genstream.app.topology;

import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.generator.TextGenerator;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.validation.PromptValidator;
import io.genstream.avro.GeneratedContent;
import io.genstream.avro.PromptEvent;
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
 * Text generation from prompts:
 *
 * <pre>
 *   prompts ─▶ intake (size, decode, validate) ─▶ generate ─▶ content (kind TEXT)
 *                    │                      (pending store → continuous batcher)
 *                    └─ rejected ─▶ dlq                 └─ failed ─▶ dlq
 * </pre>
 *
 * The production topology: {@link #build} is what the application runs and what the tests drive.
 */
public final class PromptTopology {

    /**
     * What the flow needs; wiring (config, devices, registry) happens elsewhere.
     *
     * @param maxPromptChars longest prompt accepted
     * @param maxTokens largest maxTokens accepted
     * @param maxInputBytes largest input value accepted
     * @param drainInterval how often finished requests are emitted (wall clock)
     * @param maxBlock longest a stream thread waits for room in a full model queue per record
     */
    public record Settings(int maxPromptChars, int maxTokens, int maxInputBytes, Duration drainInterval,
            Duration maxBlock) {}

    private PromptTopology() {}

    public static void build(
            StreamsBuilder builder,
            Topics topics,
            ModelCatalog models,
            Settings settings,
            GenstreamMetrics metrics,
            Clock clock) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TextGeneration.STORE), Serdes.Long(), Serdes.ByteArray()));
        PromptValidator validator = new PromptValidator(
                name -> models.text(name).map(TextGenerator::info), settings.maxPromptChars(), settings.maxTokens());
        DeadLetters deadLetters = new DeadLetters(metrics, clock);
        AvroCodec<PromptEvent> codec = AvroCodec.of(PromptEvent.class);

        Map<String, KStream<byte[], Outcome<PromptEvent>>> intake = builder
                .stream(topics.prompts().name(), topics.prompts().consumed())
                .processValues(
                        () -> new Intake<>(codec, validator::validate, settings.maxInputBytes(), deadLetters, metrics),
                        Named.as("prompt-intake"))
                .split(Named.as("prompt-"))
                .branch((key, outcome) -> outcome.isRejected(), Branched.as("rejected"))
                .defaultBranch(Branched.as("accepted"));
        NoiseSeedTopology.toDeadLetters(intake.get("prompt-rejected"), topics, "prompt-intake-dlq");

        Map<String, KStream<byte[], Outcome<GeneratedContent>>> generated = intake.get("prompt-accepted")
                .process(() -> new TextGeneration(models, deadLetters, clock, settings.drainInterval(),
                        settings.maxBlock()), Named.as("prompt-generate"), TextGeneration.STORE)
                .split(Named.as("text-"))
                .branch((key, outcome) -> outcome.isRejected(), Branched.as("failed"))
                .defaultBranch(Branched.as("generated"));
        NoiseSeedTopology.toDeadLetters(generated.get("text-failed"), topics, "text-generate-dlq");

        generated.get("text-generated")
                .map((key, outcome) -> KeyValue.pair(outcome.value().getRequestId(), outcome.value()),
                        Named.as("text-by-request-id"))
                .to(topics.content().name(), topics.content().produced());
    }
}
