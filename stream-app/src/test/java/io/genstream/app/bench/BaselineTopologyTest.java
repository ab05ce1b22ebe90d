package io.genstream.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.TestModels;
import io.genstream.app.generator.ImageModel;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.topology.Topic;
import io.genstream.avro.ContentKind;
import io.genstream.avro.GeneratedContent;
import io.genstream.avro.NoiseSeedEvent;
import io.genstream.schemas.AvroCodec;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import javax.imageio.ImageIO;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The baseline topology with the real trained model: one model call per event, one content record out. */
class BaselineTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static ModelCatalog models;

    @BeforeAll
    static void loadModels() throws Exception {
        models = TestModels.catalog();
    }

    @AfterAll
    static void closeModels() {
        models.close();
    }

    @Test
    void eachEventBecomesOneContentRecordWithItsImageFromABatchOfOne() throws Exception {
        ImageModel model = models.image(BenchCommand.MODEL).orElseThrow().model();
        Topic<String, byte[]> input = BaselineTopology.input("t.");
        Topic<String, GeneratedContent> output = BaselineTopology.output("t.");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "baseline-test");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        BaselineGeneration generation = new BaselineGeneration(model, Clock.fixed(NOW, ZoneOffset.UTC));
        AvroCodec<NoiseSeedEvent> codec = AvroCodec.of(NoiseSeedEvent.class);

        try (TopologyTestDriver driver = new TopologyTestDriver(BaselineTopology.build(input, output, generation), props)) {
            TestInputTopic<String, byte[]> events = driver.createInputTopic(input.name(),
                    input.keySerde().serializer(), input.valueSerde().serializer());
            TestOutputTopic<String, GeneratedContent> content = driver.createOutputTopic(output.name(),
                    output.keySerde().deserializer(), output.valueSerde().deserializer());
            for (int i = 0; i < 3; i++) {
                events.pipeInput("b-" + i, codec.encode(NoiseSeedEvent.newBuilder().setRequestId("b-" + i)
                        .setModel("digits-gan").setSeed(100 + i).setCount(1).setLabel(i == 2 ? null : i)
                        .setCreatedAt(1_700_000_000_000L).build()));
            }

            List<TestRecord<String, GeneratedContent>> out = content.readRecordsToList();
            assertThat(out).extracting(TestRecord::key).containsExactly("b-0", "b-1", "b-2");
            for (int i = 0; i < 3; i++) {
                GeneratedContent item = out.get(i).value();
                assertThat(item.getRequestId()).isEqualTo("b-" + i);
                assertThat(item.getIndex()).isZero();
                assertThat(item.getKind()).isEqualTo(ContentKind.IMAGE);
                assertThat(item.getModelName()).isEqualTo("digits-gan");
                assertThat(item.getSeed()).isEqualTo(100L + i);
                assertThat(item.getBatchSize()).isEqualTo(1);
                assertThat(item.getInferenceMs()).isPositive();
                assertThat(item.getScores().get("realism")).isBetween(0.0, 1.0);
                assertThat(item.getCreatedAt()).isEqualTo(1_700_000_000_000L);
                assertThat(item.getEmittedAt()).isEqualTo(NOW.toEpochMilli());
                BufferedImage png = ImageIO.read(new ByteArrayInputStream(bytes(item.getImage().getData())));
                assertThat(png.getWidth()).isEqualTo(28);
                assertThat(png.getHeight()).isEqualTo(28);
            }
            assertThat(out.get(0).value().getLabel()).isEqualTo(0);
            assertThat(out.get(1).value().getLabel()).isEqualTo(1);
            assertThat(out.get(2).value().getLabel()).as("drawn from the seed when none is asked").isBetween(0, 9);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
