package io.genstream.app.bench;

import io.genstream.avro.GeneratedContent;
import io.genstream.schemas.AvroCodec;
import io.genstream.schemas.RecordDecodeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a content topic as any downstream consumer would ({@code read_committed}: an output counts
 * once its transaction has committed) on a thread of its own, and notes when each record arrived.
 */
final class ContentMeter implements AutoCloseable {

    /**
     * One output as seen by the meter.
     *
     * @param requestId the request it answers
     * @param arrivalNanos {@link System#nanoTime()} when the poll that returned it came back
     * @param receivedAt wall clock at that moment, epoch millis
     * @param createdAt the request's {@code createdAt}
     * @param emittedAt the output's {@code emittedAt}
     * @param queueMs the output's wait in the batcher's queue
     * @param inferenceMs its batch's model call
     */
    record Output(String requestId, long arrivalNanos, long receivedAt, long createdAt, long emittedAt,
            double queueMs, double inferenceMs) {

        /** The end-to-end latency the bench reports: {@code emittedAt − createdAt}, ms. */
        long latencyMs() {
            return emittedAt - createdAt;
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroCodec<GeneratedContent> codec = AvroCodec.of(GeneratedContent.class);
    private final List<Output> outputs = new ArrayList<>(); // guarded by this
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    ContentMeter(Map<String, Object> clientConfig, String topic) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "genstream-bench-meter-" + topic);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        thread = new Thread(this::read, "bench-meter-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void read() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(50));
                long arrival = System.nanoTime();
                long wall = System.currentTimeMillis();
                List<Output> batch = new ArrayList<>(records.count());
                for (ConsumerRecord<String, byte[]> record : records) {
                    GeneratedContent content = codec.decode(record.value());
                    batch.add(new Output(content.getRequestId(), arrival, wall, content.getCreatedAt(),
                            content.getEmittedAt(), content.getQueueMs(), content.getInferenceMs()));
                }
                synchronized (this) {
                    outputs.addAll(batch);
                    notifyAll();
                }
            }
        } catch (RecordDecodeException e) {
            failure = new IllegalStateException("unreadable content record: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /**
     * Waits until {@code count} outputs of requests whose id starts with {@code idPrefix} arrived.
     *
     * @param alive whether the application writing them still runs (checked while waiting, so a
     *     failed application ends the wait at once instead of at the timeout)
     * @return those outputs, in arrival order
     * @throws IllegalStateException when they have not all arrived within the timeout, or the
     *     application stopped
     */
    List<Output> await(String idPrefix, int count, Duration timeout, BooleanSupplier alive)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Output> ours = new ArrayList<>(count);
        int scanned = 0;
        synchronized (this) {
            while (true) {
                for (; scanned < outputs.size(); scanned++) { // only what arrived since the last look
                    if (outputs.get(scanned).requestId().startsWith(idPrefix)) {
                        ours.add(outputs.get(scanned));
                    }
                }
                if (failure != null) {
                    throw new IllegalStateException("content meter failed", failure);
                }
                if (!alive.getAsBoolean()) {
                    throw new IllegalStateException("the application stopped after " + ours.size() + " of "
                            + count + " outputs of '" + idPrefix + "' (see the log above)");
                }
                if (ours.size() >= count) {
                    return ours;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("only " + ours.size() + " of " + count + " outputs of '"
                            + idPrefix + "' arrived within " + timeout.toSeconds() + " s");
                }
                wait(Math.max(1, Math.min(left / 1_000_000, 500)));
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
