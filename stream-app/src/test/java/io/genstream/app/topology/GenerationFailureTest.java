package io.genstream.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.GenstreamApplication;
import io.genstream.app.TestModels;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.generator.GeneratedImage;
import io.genstream.app.generator.GenerationException;
import io.genstream.app.generator.ImageModel;
import io.genstream.app.generator.ImageModelInfo;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.runtime.BatcherListener;
import io.genstream.avro.GeneratedContent;
import io.genstream.avro.NoiseSeedEvent;
import io.genstream.avro.RejectedEvent;
import io.genstream.schemas.AvroCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * A model call that fails rejects the requests of that call alone (GENERATION_FAILED, with the
 * original bytes), and the stream goes on. The failing model is a stand-in: real models do not
 * fail on demand.
 */
class GenerationFailureTest {

    /** Fails for the label 9 and otherwise returns blank images. */
    private static final class FailsOnNine implements ImageModel {
        private final ImageModelInfo info = new ImageModelInfo("flaky-gan", "1", 4, 10, 28, 28);

        @Override
        public ImageModelInfo info() {
            return info;
        }

        @Override
        public List<GeneratedImage> generate(float[][] latents, int[] labels) throws GenerationException {
            for (int label : labels) {
                if (label == 9) {
                    throw new GenerationException("device lost");
                }
            }
            return java.util.Arrays.stream(labels).mapToObj(l -> new GeneratedImage(new float[28 * 28], 0.5)).toList();
        }

        @Override
        public void close() {}
    }

    @Test
    void aFailingModelCallRejectsOnlyItsOwnRequestsAndTheStreamGoesOn() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GenstreamConfig config = TestModels.config();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "generation-failure-test");
        try (ModelCatalog models = ModelCatalog.of(List.of(new FailsOnNine()),
                        GenstreamApplication.batchSettings(config), id -> BatcherListener.NONE);
                TopologyTestDriver driver = new TopologyTestDriver(GenstreamApplication.topology(
                        config, models, new GenstreamMetrics(registry), Clock.systemUTC()), props)) {
            Topics topics = GenstreamApplication.topics(config);
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic(
                    topics.noiseSeeds().name(), new ByteArraySerializer(), new ByteArraySerializer());
            AvroCodec<NoiseSeedEvent> codec = AvroCodec.of(NoiseSeedEvent.class);
            byte[] failing = codec.encode(NoiseSeedEvents.valid("fails").setModel("flaky-gan").setLabel(9).build());
            // Drained one by one, so each request has a model call of its own.
            in.pipeInput("before".getBytes(StandardCharsets.UTF_8),
                    codec.encode(NoiseSeedEvents.valid("before").setModel("flaky-gan").setLabel(1).build()));
            Drain.pending(driver);
            in.pipeInput("fails".getBytes(StandardCharsets.UTF_8), failing);
            Drain.pending(driver);
            in.pipeInput("after".getBytes(StandardCharsets.UTF_8),
                    codec.encode(NoiseSeedEvents.valid("after").setModel("flaky-gan").setLabel(1).setCount(2).build()));
            Drain.pending(driver);

            List<RejectedEvent> dead = driver.createOutputTopic(topics.deadLetters().name(),
                    topics.deadLetters().keySerde().deserializer(), topics.deadLetters().valueSerde().deserializer())
                    .readValuesToList();
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).getReason()).isEqualTo("GENERATION_FAILED");
            assertThat(dead.get(0).getMessage()).contains("device lost");
            byte[] kept = new byte[dead.get(0).getValue().remaining()];
            dead.get(0).getValue().duplicate().get(kept);
            assertThat(kept).isEqualTo(failing);

            List<GeneratedContent> out = driver.createOutputTopic(topics.content().name(), new StringDeserializer(),
                    topics.content().valueSerde().deserializer()).readValuesToList();
            assertThat(out).extracting(GeneratedContent::getRequestId).containsExactly("before", "after", "after");
            assertThat(registry.get(GenstreamMetrics.REJECTED).tag("reason", "GENERATION_FAILED").counter().count())
                    .isEqualTo(1.0);
        }
    }
}
