package io.genstream.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.GenstreamApplication;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.generator.GeneratedImage;
import io.genstream.app.generator.ImageModel;
import io.genstream.app.generator.ImageModelInfo;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.avro.GeneratedContent;
import io.genstream.avro.NoiseSeedEvent;
import io.genstream.schemas.AvroCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * A saturated model slows consumption down instead of failing records or buffering without
 * bound. The slow model is a stand-in (it sleeps), so that saturation is certain on any machine.
 */
class BackpressureTest {

    private static final int EVENTS = 60;
    private static final int COUNT = 4;

    /** Sleeps 20 ms per call, as a model at its limit would take time. */
    private static final class SlowModel implements ImageModel {
        final AtomicInteger largestBatch = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public ImageModelInfo info() {
            return new ImageModelInfo("slow-gan", "1", 4, 10, 28, 28);
        }

        @Override
        public List<GeneratedImage> generate(float[][] latents, int[] labels) {
            calls.incrementAndGet();
            largestBatch.accumulateAndGet(latents.length, Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<GeneratedImage> out = new ArrayList<>();
            for (int i = 0; i < latents.length; i++) {
                out.add(new GeneratedImage(new float[28 * 28], 0.5));
            }
            return out;
        }

        @Override
        public void close() {}
    }

    @Test
    void aFullModelQueueMakesTheStreamWaitAndEveryRecordIsStillServed() throws Exception {
        GenstreamConfig config = GenstreamConfig.defaults()
                .with(GenstreamConfig.BATCH_MAX_SIZE, "4")
                .with(GenstreamConfig.BATCH_QUEUE_CAPACITY, "8")
                .with(GenstreamConfig.BATCH_MAX_DELAY_MS, "1")
                .with(GenstreamConfig.MAX_COUNT, "8")
                .with(GenstreamConfig.MAX_STEPS, "8");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GenstreamMetrics metrics = new GenstreamMetrics(registry);
        SlowModel model = new SlowModel();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "backpressure-test");
        try (ModelCatalog models = ModelCatalog.of(List.of(model), GenstreamApplication.batchSettings(config),
                        metrics::batcher);
                TopologyTestDriver driver = new TopologyTestDriver(
                        GenstreamApplication.topology(config, models, metrics, Clock.systemUTC()), props)) {
            Topics topics = GenstreamApplication.topics(config);
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic(
                    topics.noiseSeeds().name(), new ByteArraySerializer(), new ByteArraySerializer());
            AvroCodec<NoiseSeedEvent> codec = AvroCodec.of(NoiseSeedEvent.class);
            for (int i = 0; i < EVENTS; i++) {
                NoiseSeedEvent event = NoiseSeedEvents.valid("bp-" + i).setModel("slow-gan").setCount(COUNT).build();
                in.pipeInput(event.getRequestId().getBytes(StandardCharsets.UTF_8), codec.encode(event));
            }
            // Consumption kept pace with the model: when the last record was taken, only the few
            // requests the queue holds (8 items = 2 requests), the one in the model call and those
            // finished since the last emit were still pending — not the whole backlog.
            assertThat(pending(driver)).isLessThanOrEqualTo(6);
            assertThat(registry.get(GenstreamMetrics.CAPACITY_REJECTIONS).counter().count())
                    .as("the queue was full at times (the stream waited)").isGreaterThan(0);

            Drain.pending(driver);
            List<GeneratedContent> out = driver.createOutputTopic(topics.content().name(), new StringDeserializer(),
                    topics.content().valueSerde().deserializer()).readValuesToList();
            assertThat(out).hasSize(EVENTS * COUNT);
            assertThat(driver.createOutputTopic(topics.deadLetters().name(),
                    topics.deadLetters().keySerde().deserializer(), topics.deadLetters().valueSerde().deserializer())
                    .isEmpty()).as("nothing failed").isTrue();
            assertThat(model.largestBatch.get()).isLessThanOrEqualTo(4);
        }
    }

    private static int pending(TopologyTestDriver driver) {
        KeyValueStore<Long, byte[]> store = driver.getKeyValueStore("noise-seed-pending");
        int n = 0;
        try (KeyValueIterator<Long, byte[]> all = store.all()) {
            while (all.hasNext()) {
                all.next();
                n++;
            }
        }
        return n;
    }
}
