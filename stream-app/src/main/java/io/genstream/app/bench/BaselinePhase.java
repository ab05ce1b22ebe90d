package io.genstream.app.bench;

import io.genstream.app.GenstreamApplication;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.generator.ImageModel;
import io.genstream.app.kafka.TopicAdmin;
import io.genstream.app.topology.Topic;
import io.genstream.avro.GeneratedContent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs B: pre-produces the events, starts the baseline topology on its own topics and application
 * id, and times its committed outputs (see {@link Throughput} for the window).
 */
final class BaselinePhase {

    private static final Logger LOG = LoggerFactory.getLogger(BaselinePhase.class);

    static final String PREFIX = "bench-baseline.";
    static final String APPLICATION_ID = "genstream-bench-baseline";
    static final String ID_PREFIX = "b-";

    private BaselinePhase() {}

    /** Creates the baseline's topics, with genstream's partition count (see {@link BenchCommand} for when). */
    static void createTopics(GenstreamConfig config) {
        TopicAdmin.ensureTopics(GenstreamApplication.clientConfig(config),
                List.of(BaselineTopology.input(PREFIX).name(), BaselineTopology.output(PREFIX).name()), Set.of(),
                config.get(GenstreamConfig.TOPIC_PARTITIONS), config.get(GenstreamConfig.TOPIC_REPLICATION));
    }

    static Throughput run(GenstreamConfig config, ImageModel model, int events, Duration timeout)
            throws InterruptedException {
        Map<String, Object> client = GenstreamApplication.clientConfig(config);
        Topic<String, byte[]> input = BaselineTopology.input(PREFIX);
        Topic<String, GeneratedContent> output = BaselineTopology.output(PREFIX);
        try (EventLoad load = new EventLoad(client, model.info().name())) {
            load.produce(input.name(), ID_PREFIX, events);
        }
        Properties properties = BaselineTopology.properties(config, APPLICATION_ID);
        KafkaStreams streams = new KafkaStreams(
                BaselineTopology.build(input, output, new BaselineGeneration(model, Clock.systemUTC())), properties);
        // The examples this stands for have no error path: a failure ends the phase, loudly.
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("baseline stream thread failed", e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        try (ContentMeter meter = new ContentMeter(client, output.name())) {
            long start = System.nanoTime();
            streams.start();
            List<ContentMeter.Output> outputs = meter.await(ID_PREFIX, events, timeout,
                    () -> streams.state().isRunningOrRebalancing() || streams.state() == KafkaStreams.State.CREATED);
            return Throughput.of(outputs.stream().map(ContentMeter.Output::arrivalNanos).toList(), start);
        } finally {
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
            if (config.get(GenstreamConfig.STATE_DIR).isBlank()) { // a temporary folder made for this phase
                deleteQuietly(Path.of(properties.getProperty(StreamsConfig.STATE_DIR_CONFIG)));
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            Utils.delete(dir.toFile());
        } catch (IOException e) {
            LOG.warn("could not delete the baseline's state folder {}", dir, e);
        }
    }
}
