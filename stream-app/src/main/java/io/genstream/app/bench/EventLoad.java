package io.genstream.app.bench;

import io.genstream.avro.NoiseSeedEvent;
import io.genstream.schemas.AvroCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The bench's events: valid noise-seed requests for one image each (labels cycling 0..9, seed =
 * sequence number, {@code createdAt} = the moment of sending), either all at once or at a fixed rate.
 */
final class EventLoad implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String model;
    private final AvroCodec<NoiseSeedEvent> codec = AvroCodec.of(NoiseSeedEvent.class);
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    EventLoad(Map<String, Object> clientConfig, String model) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // No lingering: at a fixed rate every event should leave when it is made, so its
        // createdAt-based latency is genstream's, not the load generator's.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // One request in flight per partition: a batch refused just after topic creation
        // (NOT_LEADER_OR_FOLLOWER) is retried before later ones are sent. With five in flight the
        // later ones can land first, and the idempotent retry of the first then fails for good
        // (OUT_OF_ORDER_SEQUENCE_NUMBER), losing its events.
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        this.model = model;
    }

    /** Sends {@code count} events as fast as the producer takes them, and waits until all are acknowledged. */
    void produce(String topic, String idPrefix, int count) {
        for (int i = 0; i < count; i++) {
            send(topic, idPrefix, i);
        }
        flush();
    }

    /**
     * Sends events evenly spaced at {@code perSecond} for {@code duration} (catching up after a
     * late wake-up, so the average rate holds), and waits until all are acknowledged.
     *
     * @return how many were sent
     */
    int paced(String topic, String idPrefix, double perSecond, Duration duration) {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        int sent = 0;
        for (long now = start; now < end; now = System.nanoTime()) {
            long due = (long) ((now - start) / 1e9 * perSecond) + 1;
            while (sent < due) {
                send(topic, idPrefix, sent++);
            }
            // Sleep until the next event is due, at most 1 ms, so spacing stays even.
            long next = start + (long) (sent / perSecond * 1e9);
            LockSupport.parkNanos(Math.max(0, Math.min(next - System.nanoTime(), 1_000_000L)));
        }
        flush();
        return sent;
    }

    /** Waits for every send; a lost event would make the phase wait for an output that never comes. */
    private void flush() {
        producer.flush();
        Exception failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("bench events were not all written: " + failed.getMessage(), failed);
        }
    }

    private void send(String topic, String idPrefix, int n) {
        String requestId = idPrefix + n;
        NoiseSeedEvent event = NoiseSeedEvent.newBuilder()
                .setRequestId(requestId)
                .setModel(model)
                .setSeed(n)
                .setCount(1)
                .setLabel(n % 10)
                .setCreatedAt(System.currentTimeMillis())
                .build();
        producer.send(new ProducerRecord<>(topic, requestId.getBytes(StandardCharsets.UTF_8), codec.encode(event)),
                (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
    }

    @Override
    public void close() {
        producer.close();
    }
}
