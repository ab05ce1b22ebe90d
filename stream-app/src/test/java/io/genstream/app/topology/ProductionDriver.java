package io.genstream.app.topology;

import io.genstream.app.GenstreamApplication;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.avro.GeneratedContent;
import io.genstream.avro.QualityReport;
import io.genstream.avro.RejectedEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The production topology ({@link GenstreamApplication#topology}) with exactly-once, under {@link TopologyTestDriver},
 * and its topics as the tests feed and read them: requests in as raw bytes, content, dead letters and quality out.
 */
final class ProductionDriver implements AutoCloseable {

    final TopologyTestDriver driver;
    final TestInputTopic<byte[], byte[]> noiseSeeds;
    final TestInputTopic<byte[], byte[]> prompts;
    final TestOutputTopic<String, GeneratedContent> content;
    final TestOutputTopic<byte[], RejectedEvent> deadLetters;
    final TestOutputTopic<String, QualityReport> quality;

    private ProductionDriver(String applicationId, GenstreamConfig config, ModelCatalog models, GenstreamMetrics metrics,
            Clock clock, Instant wallClock) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(GenstreamApplication.topology(config, models, metrics, clock), props, wallClock);
        Topics topics = GenstreamApplication.topics(config);
        noiseSeeds = driver.createInputTopic(topics.noiseSeeds().name(), new ByteArraySerializer(),
                new ByteArraySerializer());
        prompts = driver.createInputTopic(topics.prompts().name(), new ByteArraySerializer(), new ByteArraySerializer());
        content = driver.createOutputTopic(topics.content().name(), new StringDeserializer(),
                topics.content().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters().name(),
                topics.deadLetters().keySerde().deserializer(), topics.deadLetters().valueSerde().deserializer());
        quality = driver.createOutputTopic(topics.quality().name(), new StringDeserializer(),
                topics.quality().valueSerde().deserializer());
    }

    /** @param clock what the topology reads as the time (e.g. a request's {@code emittedAt}); the driver's wall clock starts now */
    static ProductionDriver start(String applicationId, GenstreamConfig config, ModelCatalog models,
            GenstreamMetrics metrics, Clock clock) {
        return start(applicationId, config, models, metrics, clock, Instant.now());
    }

    /** @param wallClock where the driver's wall clock starts (punctuations) */
    static ProductionDriver start(String applicationId, GenstreamConfig config, ModelCatalog models,
            GenstreamMetrics metrics, Clock clock, Instant wallClock) {
        return new ProductionDriver(applicationId, config, models, metrics, clock, wallClock);
    }

    @Override
    public void close() {
        driver.close();
    }
}
