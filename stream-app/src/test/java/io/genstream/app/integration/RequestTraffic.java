package io.genstream.app.integration;

import io.genstream.app.GenstreamApplication;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.avro.NoiseSeedEvent;
import io.genstream.avro.PromptEvent;
import io.genstream.models.text.CatalogCorpus;
import io.genstream.models.text.CatalogExample;
import io.genstream.schemas.AvroCodec;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Produces seeded noise-seed requests and remembers how many images each one asked for. */
final class RequestTraffic {

    private RequestTraffic() {}

    /**
     * @return requestId → count, in the order produced
     */
    static Map<String, Integer> produce(GenstreamConfig config, String topic, String prefix, int events,
            int maxCount, long seed) {
        AvroCodec<NoiseSeedEvent> codec = AvroCodec.of(NoiseSeedEvent.class);
        Random random = new Random(seed);
        Map<String, Integer> expected = new LinkedHashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = producer(config)) {
            for (int i = 0; i < events; i++) {
                String requestId = prefix + i;
                NoiseSeedEvent event = noiseSeed(requestId, maxCount, random);
                producer.send(new ProducerRecord<>(topic, requestId.getBytes(StandardCharsets.UTF_8), codec.encode(event)));
                expected.put(requestId, event.getCount());
            }
            producer.flush();
        }
        return expected;
    }

    /** A producer that writes each record once (idempotent, all replicas), as a careful client would. */
    static KafkaProducer<byte[], byte[]> producer(GenstreamConfig config) {
        Map<String, Object> props = new HashMap<>(GenstreamApplication.clientConfig(config));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A valid digits-gan request for 1..maxCount images, label 0-9 or none. */
    static NoiseSeedEvent noiseSeed(String requestId, int maxCount, Random random) {
        return NoiseSeedEvent.newBuilder()
                .setRequestId(requestId).setModel("digits-gan").setSeed(random.nextLong())
                .setCount(1 + random.nextInt(maxCount)).setLabel(random.nextBoolean() ? random.nextInt(10) : null)
                .setCreatedAt(System.currentTimeMillis()).build();
    }

    /**
     * Produces seeded recommendation-blurb prompts, alternating between the two text models; each
     * asks for one text.
     *
     * @return requestId → 1, in the order produced
     */
    static Map<String, Integer> producePrompts(GenstreamConfig config, String topic, String prefix, int events,
            int maxTokens, long seed) {
        AvroCodec<PromptEvent> codec = AvroCodec.of(PromptEvent.class);
        Random random = new Random(seed);
        List<CatalogExample> examples = CatalogCorpus.generate(seed, Math.min(events, 500));
        Map<String, Integer> expected = new LinkedHashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = producer(config)) {
            for (int i = 0; i < events; i++) {
                String requestId = prefix + i;
                CatalogExample example = examples.get(i % examples.size());
                PromptEvent event = PromptEvent.newBuilder()
                        .setRequestId(requestId).setModel(i % 2 == 0 ? "catalog-gpt" : "catalog-lstm")
                        .setPrompt(example.blurb().split(" ")[0]).setContext(example.context())
                        .setMaxTokens(1 + random.nextInt(maxTokens)).setTemperature(0.8f)
                        .setSeed(random.nextLong()).setCreatedAt(System.currentTimeMillis()).build();
                producer.send(new ProducerRecord<>(topic, requestId.getBytes(StandardCharsets.UTF_8), codec.encode(event)));
                expected.put(requestId, 1);
            }
            producer.flush();
        }
        return expected;
    }

    static int total(Map<String, Integer> expected) {
        return expected.values().stream().mapToInt(Integer::intValue).sum();
    }
}
