package io.genstream.app.topology;

import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.generator.TextGenerator;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.quality.QualityObservation;
import io.genstream.app.validation.PromptValidator;
import io.genstream.avro.PromptEvent;
import io.genstream.app.routing.RouteTable;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;

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
     * @param rateLimit accepted requests per record key and window of record time
     * @param drainInterval how often finished requests are emitted (wall clock)
     * @param maxBlock longest a stream thread waits for room in a full model queue per record
     */
    public record Settings(int maxPromptChars, int maxTokens, int maxInputBytes, RequestRateLimit rateLimit,
            Duration drainInterval, Duration maxBlock) {}

    private PromptTopology() {}

    /** Builds the flow; returns the quality observations of its generated items, keyed by model version. */
    public static KStream<String, QualityObservation> build(
            StreamsBuilder builder,
            Topics topics,
            ModelCatalog models,
            RouteTable routes,
            Settings settings,
            GenstreamMetrics metrics,
            Clock clock) {
        PromptValidator validator = new PromptValidator(
                name -> routes.candidates(name).stream().flatMap(id -> models.text(id).stream()).findFirst()
                        .map(TextGenerator::info),
                settings.maxPromptChars(), settings.maxTokens());
        return GenerationFlow.build(builder, topics, topics.prompts(), "prompt", "text", TextGeneration.STORE,
                PromptEvent.class, validator::validate, settings.maxInputBytes(), settings.rateLimit(), metrics, clock,
                deadLetters -> new TextGeneration(models, routes, deadLetters, clock, settings.drainInterval(),
                        settings.maxBlock()));
    }
}
