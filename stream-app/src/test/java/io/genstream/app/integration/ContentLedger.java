package io.genstream.app.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.GenstreamApplication;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.avro.GeneratedContent;
import io.genstream.schemas.AvroCodec;
import io.genstream.schemas.RecordDecodeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the content topic as a downstream user would ({@code read_committed}) and keeps every
 * index seen per request, so that a loss or a duplicate shows.
 */
final class ContentLedger implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroCodec<GeneratedContent> codec = AvroCodec.of(GeneratedContent.class);
    private final Map<String, List<Integer>> seen = new HashMap<>();
    private final Map<String, Integer> itemsByVersion = new HashMap<>();
    private int records;

    ContentLedger(GenstreamConfig config, String topic, String group) {
        Map<String, Object> props = new HashMap<>(GenstreamApplication.clientConfig(config));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    int records() {
        return records;
    }

    /** Items read per model version that served them ({@code name@version}). */
    Map<String, Integer> itemsByVersion() {
        return Map.copyOf(itemsByVersion);
    }

    /** Reads until at least {@code atLeast} records arrived or the time is up. */
    void readUntil(int atLeast, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records < atLeast && System.nanoTime() < deadline) {
            poll();
        }
    }

    /** Keeps reading for a while, so that late duplicates would still show. */
    void readFor(Duration quiet) {
        long until = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < until) {
            poll();
        }
    }

    private void poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            GeneratedContent content;
            try {
                content = codec.decode(record.value());
            } catch (RecordDecodeException e) {
                throw new AssertionError("undecodable content record at offset " + record.offset(), e);
            }
            assertThat(record.key()).isEqualTo(content.getRequestId());
            seen.computeIfAbsent(content.getRequestId(), k -> new ArrayList<>()).add(content.getIndex());
            itemsByVersion.merge(content.getModelName() + "@" + content.getModelVersion(), 1, Integer::sum);
            records++;
        }
    }

    /** Every request has exactly its {@code count} items, indexes 0..count-1, none twice, nothing else. */
    void assertExactly(Map<String, Integer> expected) {
        int total = RequestTraffic.total(expected);
        assertThat(seen.keySet()).as("requests with output").containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(records).as("records read (a duplicate would make this larger)").isEqualTo(total);
        expected.forEach((requestId, count) -> {
            List<Integer> indexes = seen.get(requestId);
            assertThat(indexes).as(requestId).hasSize(count);
            assertThat(new TreeSet<>(indexes)).as(requestId).hasSize(count).first().isEqualTo(0);
            assertThat(new TreeSet<>(indexes).last()).as(requestId).isEqualTo(count - 1);
        });
    }

    @Override
    public void close() {
        consumer.close();
    }
}
