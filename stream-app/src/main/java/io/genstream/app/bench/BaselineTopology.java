package io.genstream.app.bench;

import io.genstream.app.GenstreamApplication;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.topology.Topic;
import io.genstream.avro.GeneratedContent;
import io.genstream.schemas.AvroSerde;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Named;

/**
 * B, the baseline: {@code events ─▶ mapValues(decode, model call of 1, PNG) ─▶ content}. Not the
 * production topology: the per-record pattern genstream is compared with.
 */
final class BaselineTopology {

    private BaselineTopology() {}

    /** The baseline's topics under a prefix of their own: {@code <prefix>noise-seeds}, {@code <prefix>content}. */
    static Topic<String, byte[]> input(String prefix) {
        return new Topic<>(prefix + "noise-seeds", Serdes.String(), Serdes.ByteArray());
    }

    static Topic<String, GeneratedContent> output(String prefix) {
        return new Topic<>(prefix + "content", Serdes.String(), AvroSerde.of(GeneratedContent.class));
    }

    static Topology build(Topic<String, byte[]> input, Topic<String, GeneratedContent> output,
            BaselineGeneration generation) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input.name(), input.consumed())
                .mapValues(generation, Named.as("baseline-generate"))
                .to(output.name(), output.produced());
        return builder.build();
    }

    /**
     * genstream's own Streams settings (exactly_once_v2, threads, commit interval, ...) under the
     * given application id, so the comparison is fair.
     */
    static Properties properties(GenstreamConfig config, String applicationId) {
        return GenstreamApplication.streamsProperties(config.with(GenstreamConfig.APPLICATION_ID, applicationId));
    }
}
