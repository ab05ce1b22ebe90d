package io.genstream.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.GenstreamApplication;
import io.genstream.app.TestModels;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.generator.GeneratedImage;
import io.genstream.app.generator.ImageModel;
import io.genstream.app.generator.ImageModelInfo;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.routing.RouteChooser;
import io.genstream.app.routing.RouteTable;
import io.genstream.app.runtime.BatcherListener;
import io.genstream.avro.GeneratedContent;
import io.genstream.avro.ModelRoute;
import io.genstream.avro.NoiseSeedEvent;
import io.genstream.avro.RejectedEvent;
import io.genstream.avro.RouteEntry;
import io.genstream.schemas.AvroCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * Requests for a model name go to the version its route picks for their requestId, the output
 * says which version served, and a route to a version not served here dead-letters as UNKNOWN_MODEL.
 * The two versions are stand-ins that draw blank images: only which one ran matters here.
 */
class VersionRoutingTest {

    private static final class Blank implements ImageModel {
        private final ImageModelInfo info;

        Blank(String version) {
            info = new ImageModelInfo("digits-gan", version, 4, 10, 28, 28);
        }

        @Override
        public ImageModelInfo info() {
            return info;
        }

        @Override
        public List<GeneratedImage> generate(float[][] latents, int[] labels) {
            return Arrays.stream(labels).mapToObj(l -> new GeneratedImage(new float[28 * 28], 0.5)).toList();
        }

        @Override
        public void close() {}
    }

    /** digits-gan routed to the given versions, equal weights. */
    private static ModelRoute route(String... versions) {
        return ModelRoute.newBuilder().setAlias("digits-gan").setUpdatedAt(0L)
                .setRoutes(Arrays.stream(versions).map(v -> new RouteEntry(v, 1.0)).toList())
                .build();
    }

    @Test
    void eachRequestIsServedByTheVersionItsRequestIdPicksAndAnUnservedVersionIsUnknownModel() throws Exception {
        GenstreamConfig config = TestModels.config();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "version-routing-test");
        RouteTable routes = new RouteTable();
        routes.put("digits-gan", route("1", "2"));
        try (ModelCatalog models = ModelCatalog.of(List.of(new Blank("1"), new Blank("2")),
                        GenstreamApplication.batchSettings(config), id -> BatcherListener.NONE);
                TopologyTestDriver driver = new TopologyTestDriver(GenstreamApplication.topology(
                        config, models, routes, new GenstreamMetrics(new SimpleMeterRegistry()), Clock.systemUTC()),
                        props)) {
            Topics topics = GenstreamApplication.topics(config);
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic(
                    topics.noiseSeeds().name(), new ByteArraySerializer(), new ByteArraySerializer());
            AvroCodec<NoiseSeedEvent> codec = AvroCodec.of(NoiseSeedEvent.class);
            for (int i = 0; i < 40; i++) {
                String id = "req-" + i;
                in.pipeInput(id.getBytes(StandardCharsets.UTF_8), codec.encode(NoiseSeedEvents.valid(id).build()));
            }
            Drain.pending(driver);
            // 7 is listed first: validation checks against the first version served (2), and only the
            // requests whose share falls to 7 are dead letters.
            routes.put("digits-gan", route("7", "2"));
            for (int i = 0; i < 20; i++) {
                String id = "late-" + i;
                in.pipeInput(id.getBytes(StandardCharsets.UTF_8), codec.encode(NoiseSeedEvents.valid(id).build()));
            }
            Drain.pending(driver);

            List<GeneratedContent> out = driver.createOutputTopic(topics.content().name(), new StringDeserializer(),
                    topics.content().valueSerde().deserializer()).readValuesToList();
            Map<String, String> servedBy = out.stream().collect(
                    Collectors.toMap(GeneratedContent::getRequestId, GeneratedContent::getModelVersion));
            servedBy.forEach((id, version) -> assertThat(version).as(id)
                    .isEqualTo(id.startsWith("req-") && RouteChooser.point(id) < 0.5 ? "1" : "2"));
            assertThat(servedBy.values()).contains("1", "2");
            List<String> toSeven = IntStream.range(0, 20).mapToObj(i -> "late-" + i)
                    .filter(id -> RouteChooser.point(id) < 0.5).toList();
            assertThat(toSeven).isNotEmpty();
            assertThat(servedBy).hasSize(60 - toSeven.size()).doesNotContainKeys(toSeven.toArray(String[]::new));

            List<RejectedEvent> dead = driver.createOutputTopic(topics.deadLetters().name(),
                    topics.deadLetters().keySerde().deserializer(), topics.deadLetters().valueSerde().deserializer())
                    .readValuesToList();
            assertThat(dead).hasSize(toSeven.size()).allSatisfy(d -> {
                assertThat(d.getReason()).isEqualTo("UNKNOWN_MODEL");
                assertThat(d.getMessage()).contains("digits-gan@7");
            });
        }
    }
}
