package io.genstream.app.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.GenstreamApplication;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.topology.Topics;
import io.genstream.avro.GeneratedContent;
import io.genstream.avro.RejectedEvent;
import io.genstream.schemas.AvroCodec;
import io.genstream.schemas.RecordDecodeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the content topic (and, when asked, the dead-letter topic) as a downstream user would
 * ({@code read_committed}) and keeps every index and every rejection seen per request, so that a
 * loss or a duplicate shows.
 *
 * <p>A duplicate is a second record: the same item at another offset. The reader itself may be handed a
 * record it already read (after a broker restart its group's offset commit can fail, and it resumes from
 * the last committed offset); such a redelivery, at an offset already read, is not counted again.
 */
final class ContentLedger implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroCodec<GeneratedContent> codec = AvroCodec.of(GeneratedContent.class);
    private final AvroCodec<RejectedEvent> rejectedCodec = AvroCodec.of(RejectedEvent.class);
    private final String deadLetterTopic;
    private final Map<String, List<Integer>> seen = new HashMap<>();
    private final Map<String, List<String>> rejected = new HashMap<>();
    private final Map<String, Integer> itemsByVersion = new HashMap<>();
    /** Per partition, the next offset not read yet. */
    private final Map<TopicPartition, Long> readUpTo = new HashMap<>();
    private int records;
    private int deadLetters;

    /** Reads the content topic only. */
    ContentLedger(GenstreamConfig config, String topic, String group) {
        this(config, topic, null, group);
    }

    /** Reads the content topic and the dead-letter topic. */
    ContentLedger(GenstreamConfig config, Topics topics, String group) {
        this(config, topics.content().name(), topics.deadLetters().name(), group);
    }

    private ContentLedger(GenstreamConfig config, String topic, String deadLetterTopic, String group) {
        Map<String, Object> props = new HashMap<>(GenstreamApplication.clientConfig(config));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.deadLetterTopic = deadLetterTopic;
        consumer.subscribe(deadLetterTopic == null ? List.of(topic) : List.of(topic, deadLetterTopic));
    }

    int records() {
        return records;
    }

    int deadLetters() {
        return deadLetters;
    }

    /** Items read per model version that served them ({@code name@version}). */
    Map<String, Integer> itemsByVersion() {
        return Map.copyOf(itemsByVersion);
    }

    /** Reads until at least {@code atLeast} records (content and dead letters) arrived or the time is up. */
    void readUntil(int atLeast, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records + deadLetters < atLeast && System.nanoTime() < deadline) {
            poll();
        }
    }

    /**
     * Reads until every request has an outcome (all its items, or a dead letter) or the time is
     * up, for tests where the number of records to expect depends on which requests fail.
     */
    void readUntilSettled(Map<String, Integer> expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!settled(expected) && System.nanoTime() < deadline) {
            poll();
        }
    }

    private boolean settled(Map<String, Integer> expected) {
        for (Map.Entry<String, Integer> request : expected.entrySet()) {
            List<Integer> items = seen.getOrDefault(request.getKey(), List.of());
            if (items.size() < request.getValue() && !rejected.containsKey(request.getKey())) {
                return false;
            }
        }
        return true;
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
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (record.offset() < readUpTo.getOrDefault(partition, 0L)) {
                continue; // redelivered to this reader, not written twice
            }
            readUpTo.put(partition, record.offset() + 1);
            if (record.topic().equals(deadLetterTopic)) {
                keepDeadLetter(record);
                continue;
            }
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

    private void keepDeadLetter(ConsumerRecord<String, byte[]> record) {
        try {
            RejectedEvent event = rejectedCodec.decode(record.value());
            rejected.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event.getReason());
            deadLetters++;
        } catch (RecordDecodeException e) {
            throw new AssertionError("undecodable dead-letter record at offset " + record.offset(), e);
        }
    }

    /**
     * Every request has either exactly its {@code count} items (indexes 0..count-1, none twice) or
     * no item and exactly one dead letter; nothing else came out.
     *
     * @return the requests that were dead-lettered
     */
    Set<String> assertItemsOrOneDeadLetter(Map<String, Integer> expected) {
        assertThat(expected.keySet()).as("requests with an outcome")
                .containsAll(seen.keySet()).containsAll(rejected.keySet());
        Set<String> deadLettered = new TreeSet<>();
        expected.forEach((requestId, count) -> {
            List<String> reasons = rejected.getOrDefault(requestId, List.of());
            if (reasons.isEmpty()) {
                assertItems(requestId, count);
            } else {
                assertThat(reasons).as("dead letters of %s", requestId).hasSize(1);
                assertThat(seen.get(requestId)).as("items of dead-lettered %s", requestId).isNull();
                deadLettered.add(requestId);
            }
        });
        return deadLettered;
    }

    /** The reason of each request that was dead-lettered (exactly once). */
    Map<String, String> deadLetterReasons() {
        Map<String, String> reasons = new HashMap<>();
        rejected.forEach((key, list) -> {
            assertThat(list).as("dead letters of %s", key).hasSize(1);
            reasons.put(key, list.get(0));
        });
        return reasons;
    }

    private void assertItems(String requestId, int count) {
        List<Integer> indexes = seen.get(requestId);
        assertThat(indexes).as(requestId).hasSize(count);
        assertThat(new TreeSet<>(indexes)).as(requestId).hasSize(count).first().isEqualTo(0);
        assertThat(new TreeSet<>(indexes).last()).as(requestId).isEqualTo(count - 1);
    }

    /** Every request has exactly its {@code count} items, indexes 0..count-1, none twice, nothing else. */
    void assertExactly(Map<String, Integer> expected) {
        int total = RequestTraffic.total(expected);
        assertThat(seen.keySet()).as("requests with output").containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(records).as("records read (a duplicate would make this larger)").isEqualTo(total);
        expected.forEach(this::assertItems);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
