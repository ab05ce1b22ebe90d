package io.genstream.app.integration;

import io.genstream.app.GenstreamApplication;
import io.genstream.app.config.GenstreamConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The committed ({@code read_committed}) values of a topic, from its beginning. */
final class CommittedRecords {

    private CommittedRecords() {}

    /** Reads until a value matches {@code until} or the time is up; returns every value read. */
    static List<byte[]> read(GenstreamConfig config, String topic, Predicate<byte[]> until, Duration timeout) {
        Map<String, Object> props = new HashMap<>(GenstreamApplication.clientConfig(config));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "committed-records-" + topic + "-" + System.nanoTime());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<byte[]> values = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                    if (until.test(record.value())) {
                        return values;
                    }
                }
            }
        }
        return values;
    }
}
