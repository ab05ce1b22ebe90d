package io.genstream.app.routing;

import io.genstream.avro.ModelRoute;
import io.genstream.schemas.AvroCodec;
import io.genstream.schemas.RecordDecodeException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link RouteTable} current from the compacted routes topic: one thread with its own
 * consumer that reads every partition from the beginning ({@code read_committed}, no consumer
 * group: every instance needs every route) and applies each record as it comes.
 *
 * <p>Why a thread and not a GlobalKTable: the routes are read outside the topology too (request
 * validation, the canary gate, {@code models list}), they are a few records, and a plain map is
 * simpler to share than a global store, which only processors can reach.
 */
public final class RouteFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RouteFeed.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final RouteTable table;
    private final AvroCodec<ModelRoute> codec = AvroCodec.of(ModelRoute.class);
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean closed;
    private volatile RuntimeException failure;

    private RouteFeed(KafkaConsumer<String, byte[]> consumer, String topic, RouteTable table) {
        this.consumer = consumer;
        this.table = table;
        this.thread = new Thread(() -> run(topic), "genstream-route-feed");
        this.thread.setDaemon(true);
    }

    /** Starts feeding {@code table} from {@code topic}. */
    public static RouteFeed start(Map<String, Object> clientConfig, String topic, RouteTable table) {
        Map<String, Object> props = new HashMap<>(clientConfig);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        RouteFeed feed = new RouteFeed(
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer()), topic, table);
        feed.thread.start();
        return feed;
    }

    /** Waits until every route written before the feed started has been applied. */
    public void awaitCaughtUp(Duration timeout) throws InterruptedException {
        if (!caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("routes topic not read within " + timeout);
        }
        if (failure != null) {
            throw new IllegalStateException("cannot read the routes topic: " + failure.getMessage(), failure);
        }
    }

    private void run(String topic) {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                LOG.warn("Routes topic {} not found: every model is served by its latest version", topic);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!closed) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
                if (caughtUp.getCount() > 0 && end.entrySet().stream()
                        .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("Route feed stopped; routes keep their last value", e);
            failure = e;
            caughtUp.countDown(); // whoever waits learns of it now, not after the timeout
        } finally {
            consumer.close();
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            table.put(record.key(), null);
            LOG.info("Route of {} removed", record.key());
            return;
        }
        try {
            ModelRoute route = codec.decode(record.value());
            table.put(record.key(), route);
            LOG.info("Route of {}: {}{}", record.key(), route.getRoutes(),
                    route.getReason() == null ? "" : " (" + route.getReason() + ")");
        } catch (RecordDecodeException e) {
            LOG.error("Route record at {}-{}@{} does not decode; ignored: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
