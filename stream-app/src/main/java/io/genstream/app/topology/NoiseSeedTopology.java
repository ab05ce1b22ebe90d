package io.genstream.app.topology;

import io.genstream.app.generator.ImageGenerator;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.quality.QualityObservation;
import io.genstream.app.validation.NoiseSeedValidator;
import io.genstream.avro.NoiseSeedEvent;
import io.genstream.app.routing.RouteTable;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;

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
     * @param rateLimit accepted requests per record key and window of record time
     * @param drainInterval how often finished requests are emitted (wall clock)
     * @param maxBlock longest a stream thread waits for room in a full model queue per record
     */
    public record Settings(int maxCount, int maxSteps, int maxInputBytes, RequestRateLimit rateLimit,
            Duration drainInterval, Duration maxBlock) {}

    private NoiseSeedTopology() {}

    /** Builds the flow; returns the quality observations of its generated items, keyed by model version. */
    public static KStream<String, QualityObservation> build(
            StreamsBuilder builder,
            Topics topics,
            ModelCatalog models,
            RouteTable routes,
            Settings settings,
            GenstreamMetrics metrics,
            Clock clock) {
        NoiseSeedValidator validator = new NoiseSeedValidator(
                name -> routes.candidates(name).stream().flatMap(id -> models.image(id).stream()).findFirst()
                        .map(ImageGenerator::info),
                settings.maxCount(), settings.maxSteps());
        return GenerationFlow.build(builder, topics, topics.noiseSeeds(), "noise-seed", "image", ImageGeneration.STORE,
                NoiseSeedEvent.class, validator::validate, settings.maxInputBytes(), settings.rateLimit(), metrics, clock,
                deadLetters -> new ImageGeneration(models, routes, deadLetters, clock, settings.drainInterval(),
                        settings.maxBlock()));
    }
}
