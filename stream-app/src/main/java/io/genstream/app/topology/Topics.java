package io.genstream.app.topology;

import io.genstream.avro.GeneratedContent;
import io.genstream.avro.ModelRoute;
import io.genstream.avro.QualityReport;
import io.genstream.avro.RejectedEvent;
import io.genstream.schemas.AvroSerde;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * genstream's topics under one name prefix. Inputs are read as raw bytes so that a record that
 * does not decode is still ours to reject on the dead-letter topic, with its reason.
 *
 * @param noiseSeeds image-generation requests (value: {@code NoiseSeedEvent})
 * @param prompts text-generation requests (value: {@code PromptEvent})
 * @param content one record per generated item
 * @param quality windowed quality per model version
 * @param deadLetters every rejected input, with the reason
 * @param modelRoutes compacted; which versions serve an alias
 */
public record Topics(
        Topic<byte[], byte[]> noiseSeeds,
        Topic<byte[], byte[]> prompts,
        Topic<String, GeneratedContent> content,
        Topic<String, QualityReport> quality,
        Topic<byte[], RejectedEvent> deadLetters,
        Topic<String, ModelRoute> modelRoutes) {

    /** The topics with the given prefix, e.g. {@code genstream.} ⇒ {@code genstream.noise-seeds}. */
    public static Topics withPrefix(String prefix) {
        return new Topics(
                new Topic<>(prefix + "noise-seeds", Serdes.ByteArray(), Serdes.ByteArray()),
                new Topic<>(prefix + "prompts", Serdes.ByteArray(), Serdes.ByteArray()),
                new Topic<>(prefix + "content", Serdes.String(), AvroSerde.of(GeneratedContent.class)),
                new Topic<>(prefix + "quality", Serdes.String(), AvroSerde.of(QualityReport.class)),
                new Topic<>(prefix + "dlq", Serdes.ByteArray(), AvroSerde.of(RejectedEvent.class)),
                new Topic<>(prefix + "model-routes", Serdes.String(), AvroSerde.of(ModelRoute.class)));
    }

    /** Every topic name, for creation at start. */
    public List<String> names() {
        return List.of(
                noiseSeeds.name(), prompts.name(), content.name(), quality.name(),
                deadLetters.name(), modelRoutes.name());
    }
}
