package io.genstream.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.TestModels;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.avro.ContentKind;
import io.genstream.avro.GeneratedContent;
import io.genstream.avro.NoiseSeedEvent;
import io.genstream.avro.RejectedEvent;
import io.genstream.schemas.AvroCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The production topology, driven by {@link TopologyTestDriver} with the real trained model. */
class NoiseSeedTopologyTest {

    private static final GenstreamConfig CONFIG = TestModels.config().with(GenstreamConfig.MAX_COUNT, "16");
    private static final AvroCodec<NoiseSeedEvent> CODEC = AvroCodec.of(NoiseSeedEvent.class);
    private static ModelCatalog models;

    private SimpleMeterRegistry registry;
    private ProductionDriver app;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> seeds;
    private TestOutputTopic<String, GeneratedContent> content;
    private TestOutputTopic<byte[], RejectedEvent> deadLetters;

    @BeforeAll
    static void loadModels() throws Exception {
        models = TestModels.catalog();
    }

    @AfterAll
    static void closeModels() {
        models.close();
    }

    @BeforeEach
    void startDriver() {
        registry = new SimpleMeterRegistry();
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);
        app = ProductionDriver.start("noise-seed-topology-test", CONFIG, models, new GenstreamMetrics(registry), clock);
        driver = app.driver;
        seeds = app.noiseSeeds;
        content = app.content;
        deadLetters = app.deadLetters;
    }

    @AfterEach
    void closeDriver() {
        app.close();
    }

    private void send(String key, byte[] value) {
        seeds.pipeInput(key.getBytes(StandardCharsets.UTF_8), value);
    }

    private void send(NoiseSeedEvent event) {
        send(event.getRequestId(), CODEC.encode(event));
    }

    private void drain() {
        try {
            Drain.pending(driver);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void validEventGivesCountContentRecordsWithDecodablePngsOfTheModelsSize() throws IOException {
        send(NoiseSeedEvents.valid("req-1").setCount(5).setLabel(7).build());
        drain();

        List<TestRecord<String, GeneratedContent>> out = content.readRecordsToList();
        assertThat(out).hasSize(5);
        assertThat(out).extracting(TestRecord::key).containsOnly("req-1");
        assertThat(out).extracting(r -> r.value().getIndex()).containsExactly(0, 1, 2, 3, 4);
        for (TestRecord<String, GeneratedContent> record : out) {
            GeneratedContent item = record.value();
            assertThat(item.getKind()).isEqualTo(ContentKind.IMAGE);
            assertThat(item.getModelName()).isEqualTo("digits-gan");
            assertThat(item.getLabel()).isEqualTo(7);
            assertThat(item.getSeed()).isEqualTo(42L + item.getIndex());
            assertThat(item.getBatchSize()).isBetween(5, 128);
            assertThat(item.getScores()).containsKeys("realism", "classConfidence", "predictedClass", "labelMatch");
            assertThat(item.getScores().get("realism")).isBetween(0.0, 1.0);
            assertThat(item.getScores().get("classConfidence")).isBetween(0.1, 1.0);
            // digits-eval reads digits-gan's 7s as 7s (0.999 of its samples in the manifest)
            assertThat(item.getScores().get("predictedClass")).isEqualTo(7.0);
            assertThat(item.getScores().get("labelMatch")).isEqualTo(1.0);
            assertThat(item.getImage().getFormat()).isEqualTo("png");
            BufferedImage png = decode(item.getImage().getData());
            assertThat(png.getWidth()).isEqualTo(28).isEqualTo(item.getImage().getWidth());
            assertThat(png.getHeight()).isEqualTo(28).isEqualTo(item.getImage().getHeight());
        }
        // Distinct seeds give distinct images.
        assertThat(out.stream().map(r -> r.value().getImage().getData()).distinct()).hasSize(5);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void anUnconditionedImageIsClassifiedWithoutALabelMatch() {
        send(NoiseSeedEvents.valid("free").setLabel(null).setCount(3).build());
        drain();

        for (GeneratedContent item : content.readValuesToList()) {
            assertThat(item.getScores()).containsKeys("classConfidence", "predictedClass").doesNotContainKey("labelMatch");
            assertThat(item.getScores().get("predictedClass")).isEqualTo((double) item.getLabel());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"digits-gan", "digits-vae"})
    void interpolationWalksTheLatentLineFromSeedToInterpolateTo(String model) {
        send(NoiseSeedEvents.valid("interp").setModel(model).setSeed(5L).setInterpolateTo(99L).setSteps(6)
                .setLabel(3).build());
        send(NoiseSeedEvents.valid("from").setModel(model).setSeed(5L).setLabel(3).build());
        send(NoiseSeedEvents.valid("to").setModel(model).setSeed(99L).setLabel(3).build());
        drain();

        List<GeneratedContent> out = content.readValuesToList();
        List<GeneratedContent> frames = out.stream().filter(c -> c.getRequestId().equals("interp")).toList();
        assertThat(frames).hasSize(6);
        assertThat(frames).extracting(GeneratedContent::getModelName).containsOnly(model);
        assertThat(frames).extracting(GeneratedContent::getLabel).containsOnly(3);
        assertThat(frames).extracting(GeneratedContent::getIndex).containsExactly(0, 1, 2, 3, 4, 5);
        // The ends of the line are the two seeds' own images; the frames between differ from both.
        assertThat(frames.get(0).getImage().getData()).isEqualTo(image(out, "from"));
        assertThat(frames.get(5).getImage().getData()).isEqualTo(image(out, "to"));
        assertThat(frames.stream().map(f -> f.getImage().getData()).distinct()).hasSize(6);
    }

    private static java.nio.ByteBuffer image(List<GeneratedContent> out, String requestId) {
        return out.stream().filter(c -> c.getRequestId().equals(requestId)).findFirst().orElseThrow()
                .getImage().getData();
    }

    static Stream<Arguments> invalidInputs() {
        byte[] valid = CODEC.encode(NoiseSeedEvents.valid("bad").build());
        byte[] unknownFingerprint = valid.clone();
        unknownFingerprint[5] ^= 0x5a;
        return Stream.of(
                Arguments.of("malformed bytes", "garbage".getBytes(StandardCharsets.UTF_8), "MALFORMED"),
                Arguments.of("empty value", new byte[0], "MALFORMED"),
                Arguments.of("truncated record", java.util.Arrays.copyOf(valid, valid.length - 3), "MALFORMED"),
                Arguments.of("unknown fingerprint", unknownFingerprint, "UNKNOWN_SCHEMA"),
                Arguments.of("unknown model", CODEC.encode(NoiseSeedEvents.valid("bad").setModel("nope").build()), "UNKNOWN_MODEL"),
                Arguments.of("count zero", CODEC.encode(NoiseSeedEvents.valid("bad").setCount(0).build()), "INVALID_PARAMETER"),
                Arguments.of("count negative", CODEC.encode(NoiseSeedEvents.valid("bad").setCount(-3).build()), "INVALID_PARAMETER"),
                Arguments.of("count above cap", CODEC.encode(NoiseSeedEvents.valid("bad").setCount(17).build()), "TOO_LARGE"),
                Arguments.of("label above range", CODEC.encode(NoiseSeedEvents.valid("bad").setLabel(10).build()), "INVALID_PARAMETER"),
                Arguments.of("label negative", CODEC.encode(NoiseSeedEvents.valid("bad").setLabel(-1).build()), "INVALID_PARAMETER"),
                Arguments.of("one interpolation step", CODEC.encode(NoiseSeedEvents.valid("bad").setInterpolateTo(5L).setSteps(1).build()), "INVALID_PARAMETER"),
                Arguments.of("empty request id", CODEC.encode(NoiseSeedEvents.valid("").build()), "INVALID_PARAMETER"),
                Arguments.of("oversized value", new byte[(1 << 20) + 1], "TOO_LARGE"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("invalidInputs")
    void eachInvalidInputGoesToTheDeadLetterTopicWithItsReasonAndTheStreamGoesOn(
            String what, byte[] value, String reason) {
        send("bad-key", value);
        send(NoiseSeedEvents.valid("after").build());
        drain();

        List<TestRecord<byte[], RejectedEvent>> rejected = deadLetters.readRecordsToList();
        assertThat(rejected).hasSize(1);
        RejectedEvent dead = rejected.get(0).value();
        assertThat(dead.getReason()).as(what).isEqualTo(reason);
        assertThat(dead.getMessage()).isNotBlank();
        assertThat(dead.getSourceTopic()).isEqualTo("genstream.noise-seeds");
        assertThat(dead.getOffset()).isEqualTo(0L);
        assertThat(bytes(dead.getKey())).isEqualTo("bad-key".getBytes(StandardCharsets.UTF_8));
        assertThat(rejected.get(0).key()).isEqualTo("bad-key".getBytes(StandardCharsets.UTF_8));
        if (value.length <= DeadLetters.MAX_COPIED_BYTES) {
            assertThat(bytes(dead.getValue())).isEqualTo(value);
        } else {
            assertThat(dead.getValue().remaining()).isEqualTo(DeadLetters.MAX_COPIED_BYTES);
        }
        assertThat(registry.get(io.genstream.app.metrics.GenstreamMetrics.REJECTED)
                .tag("reason", reason).counter().count()).isEqualTo(1.0);
        // The next, valid request is still served.
        assertThat(content.readValuesToList()).extracting(GeneratedContent::getRequestId).containsExactly("after");
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    private static BufferedImage decode(ByteBuffer png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes(png)));
        assertThat(image).as("decodable PNG").isNotNull();
        return image;
    }
}
