package io.genstream.app.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.GenstreamApplication;
import io.genstream.app.Generators;
import io.genstream.app.TestModels;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.kafka.EmbeddedKafkaBroker;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.avro.GeneratedContent;
import io.genstream.avro.NoiseSeedEvent;
import io.genstream.schemas.AvroCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real thing: an embedded KRaft broker, the real trained model, the production application
 * with exactly_once_v2, and a read_committed consumer checking every output.
 */
@Tag("integration")
class ExactlyOnceIntegrationTest {

    private static final int EVENTS = 1_000;
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void everyRequestGetsExactlyCountItemsNoneDuplicatedUnderReadCommitted() throws Exception {
        GenstreamConfig config = TestModels.config()
                .with(GenstreamConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(GenstreamConfig.APPLICATION_ID, "eos-it")
                .with(GenstreamConfig.TOPIC_PREFIX, "eos-it.")
                .with(GenstreamConfig.TOPIC_REPLICATION, "1")
                .with(GenstreamConfig.TOPIC_PARTITIONS, "3");
        Map<String, Integer> expected = new HashMap<>();
        GenstreamMetrics metrics = new GenstreamMetrics(new SimpleMeterRegistry());
        try (ModelCatalog models = Generators.load(config, metrics);
                GenstreamApplication app = GenstreamApplication.start(config, models, metrics)) {
            app.awaitRunning(Duration.ofSeconds(60));
            int total = produce(config, app.topics().noiseSeeds().name(), expected);

            Map<String, List<Integer>> seen = consume(config, app.topics().content().name(), total);

            assertThat(seen.keySet()).isEqualTo(expected.keySet());
            long records = seen.values().stream().mapToLong(List::size).sum();
            assertThat(records).as("records read (duplicates would make this larger)").isEqualTo(total);
            expected.forEach((requestId, count) -> {
                List<Integer> indexes = seen.get(requestId);
                assertThat(indexes).as(requestId).hasSize(count);
                Set<Integer> distinct = new TreeSet<>(indexes);
                assertThat(distinct).as(requestId).hasSize(count).first().isEqualTo(0);
                assertThat(((TreeSet<Integer>) distinct).last()).isEqualTo(count - 1);
            });
        }
    }

    private static int produce(GenstreamConfig config, String topic, Map<String, Integer> expected) {
        Map<String, Object> props = new HashMap<>(GenstreamApplication.clientConfig(config));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        AvroCodec<NoiseSeedEvent> codec = AvroCodec.of(NoiseSeedEvent.class);
        Random random = new Random(1000);
        int total = 0;
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < EVENTS; i++) {
                String requestId = "eos-" + i;
                int count = 1 + random.nextInt(5);
                NoiseSeedEvent event = NoiseSeedEvent.newBuilder()
                        .setRequestId(requestId).setModel("digits-gan").setSeed(random.nextLong())
                        .setCount(count).setLabel(random.nextBoolean() ? random.nextInt(10) : null)
                        .setCreatedAt(System.currentTimeMillis()).build();
                producer.send(new ProducerRecord<>(topic, requestId.getBytes(StandardCharsets.UTF_8), codec.encode(event)));
                expected.put(requestId, count);
                total += count;
            }
            producer.flush();
        }
        return total;
    }

    /** Reads until {@code total} records arrived, then a little longer so duplicates would show. */
    private static Map<String, List<Integer>> consume(GenstreamConfig config, String topic, int total) {
        Map<String, Object> props = new HashMap<>(GenstreamApplication.clientConfig(config));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "eos-it-check");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        AvroCodec<GeneratedContent> codec = AvroCodec.of(GeneratedContent.class);
        Map<String, List<Integer>> seen = new HashMap<>();
        int read = 0;
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    GeneratedContent content;
                    try {
                        content = codec.decode(record.value());
                    } catch (Exception e) {
                        throw new AssertionError("undecodable content record at offset " + record.offset(), e);
                    }
                    assertThat(record.key()).isEqualTo(content.getRequestId());
                    seen.computeIfAbsent(content.getRequestId(), k -> new java.util.ArrayList<>()).add(content.getIndex());
                    read++;
                }
                if (read >= total && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
        }
        return seen;
    }
}
