package io.genstream.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.GenstreamApplication;
import io.genstream.app.TestModels;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.avro.GeneratedContent;
import io.genstream.avro.NoiseSeedEvent;
import io.genstream.schemas.AvroCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/** Same seed, same model version, same parameters ⇒ the same PNG bytes. */
class DeterminismTest {

    private static final AvroCodec<NoiseSeedEvent> CODEC = AvroCodec.of(NoiseSeedEvent.class);

    @Test
    void theSameEventProcessedTwiceYieldsByteIdenticalPngs() throws Exception {
        NoiseSeedEvent labelled = NoiseSeedEvents.valid("same").setSeed(-7_311_447L).setCount(4).setLabel(5).build();
        NoiseSeedEvent unlabelled = NoiseSeedEvents.valid("free").setSeed(123_456_789L).setCount(3).build();

        // Two separate model loads and topologies, as two runs (or two instances) would have.
        List<byte[]> first = pngs(labelled, unlabelled);
        List<byte[]> second = pngs(labelled, unlabelled);

        assertThat(first).hasSize(7);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).as("item %d", i).isEqualTo(first.get(i));
        }
        // ... and the items are not all the same picture.
        assertThat(first.stream().map(ByteBuffer::wrap).distinct()).hasSize(7);
    }

    @Test
    void anItemIsTheSameWhateverItIsBatchedWith() throws Exception {
        // Item 3 of a request for seed 1000 uses seed 1003; alone, it is item 0 of a request for 1003.
        List<byte[]> inABatch = pngs(NoiseSeedEvents.valid("many").setSeed(1000L).setCount(13).setLabel(4).build());
        List<byte[]> alone = pngs(NoiseSeedEvents.valid("one").setSeed(1003L).setCount(1).setLabel(4).build());
        assertThat(alone.get(0)).isEqualTo(inABatch.get(3));
    }

    private static List<byte[]> pngs(NoiseSeedEvent... events) throws Exception {
        GenstreamConfig config = TestModels.config();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "determinism-test");
        try (ModelCatalog models = TestModels.catalog();
                TopologyTestDriver driver = new TopologyTestDriver(GenstreamApplication.topology(
                        config, models, new GenstreamMetrics(new SimpleMeterRegistry()), Clock.systemUTC()), props)) {
            Topics topics = GenstreamApplication.topics(config);
            var in = driver.createInputTopic(topics.noiseSeeds().name(), new ByteArraySerializer(), new ByteArraySerializer());
            for (NoiseSeedEvent event : events) {
                in.pipeInput(event.getRequestId().getBytes(StandardCharsets.UTF_8), CODEC.encode(event));
            }
            Drain.pending(driver);
            return driver.createOutputTopic(topics.content().name(), new StringDeserializer(),
                            topics.content().valueSerde().deserializer())
                    .readValuesToList().stream()
                    .map(GeneratedContent::getImage)
                    .map(image -> {
                        byte[] png = new byte[image.getData().remaining()];
                        image.getData().duplicate().get(png);
                        return png;
                    })
                    .toList();
        }
    }
}
