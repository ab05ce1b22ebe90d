package io.genstream.app.cli;

import io.genstream.avro.NoiseSeedEvent;
import io.genstream.schemas.AvroCodec;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The demo's sample traffic: noise-seed requests at a steady rate, mostly valid (counts 1–4,
 * some unconditioned, some interpolations), with about 2% bad inputs of every kind, so the
 * dead-letter path shows too.
 */
final class DemoTraffic implements Runnable, AutoCloseable {

    /** Key (request id) prefix of every event the demo sends. */
    static final String KEY_PREFIX = "demo-";
    private static final int BAD_EVERY = 50;

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final String model;
    private final int eventsPerSecond;
    private final int maxCount;
    private final AvroCodec<NoiseSeedEvent> codec = AvroCodec.of(NoiseSeedEvent.class);
    private final Random random = new Random(20261122L);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong expectedImages = new AtomicLong();
    private final AtomicLong expectedRejections = new AtomicLong();
    private volatile boolean running = true;

    DemoTraffic(Map<String, Object> clientConfig, String topic, String model, int eventsPerSecond, int maxCount) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.model = model;
        this.eventsPerSecond = eventsPerSecond;
        this.maxCount = maxCount;
    }

    long sent() {
        return sent.get();
    }

    /** Images the valid events sent so far ask for. */
    long expectedImages() {
        return expectedImages.get();
    }

    /** Bad inputs sent so far: each must come back as one dead letter. */
    long expectedRejections() {
        return expectedRejections.get();
    }

    @Override
    public void run() {
        long tickNanos = 100_000_000L;
        double perTick = eventsPerSecond / 10.0;
        double owed = 0;
        long next = System.nanoTime();
        while (running) {
            owed += perTick;
            while (owed >= 1 && running) {
                send(sent.get());
                owed -= 1;
            }
            next += tickNanos;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void send(long n) {
        String requestId = KEY_PREFIX + n;
        byte[] value;
        if (n % BAD_EVERY == BAD_EVERY - 1) {
            value = badInput(n / BAD_EVERY);
            expectedRejections.incrementAndGet();
        } else {
            NoiseSeedEvent event = goodEvent(requestId);
            value = codec.encode(event);
            expectedImages.addAndGet(event.getInterpolateTo() == null ? event.getCount() : event.getSteps());
        }
        producer.send(new ProducerRecord<>(topic, requestId.getBytes(StandardCharsets.UTF_8), value));
        sent.incrementAndGet();
    }

    private NoiseSeedEvent goodEvent(String requestId) {
        NoiseSeedEvent.Builder event = NoiseSeedEvent.newBuilder()
                .setRequestId(requestId)
                .setModel(model)
                .setSeed(random.nextLong())
                .setCount(1 + random.nextInt(4))
                .setLabel(random.nextInt(10) < 7 ? random.nextInt(10) : null)
                .setCreatedAt(System.currentTimeMillis());
        if (random.nextInt(20) == 0) {
            event.setCount(1).setInterpolateTo(random.nextLong()).setSteps(8);
        }
        return event.build();
    }

    /** One bad input of each kind in turn: the dead-letter reasons a user will meet. */
    private byte[] badInput(long k) {
        NoiseSeedEvent.Builder valid = NoiseSeedEvent.newBuilder()
                .setRequestId("demo-bad-" + k).setModel(model).setSeed(k).setCount(1)
                .setCreatedAt(System.currentTimeMillis());
        return switch ((int) (k % 6)) {
            case 0 -> "not avro at all".getBytes(StandardCharsets.UTF_8);
            case 1 -> unknownFingerprint(codec.encode(valid.build()));
            case 2 -> codec.encode(valid.setModel("no-such-model").build());
            case 3 -> codec.encode(valid.setCount(0).build());
            case 4 -> codec.encode(valid.setCount(maxCount + 1).build());
            default -> codec.encode(valid.setLabel(12).build());
        };
    }

    /** The same body under a writer-schema fingerprint nobody knows (bytes 2..9 of the header). */
    private static byte[] unknownFingerprint(byte[] encoded) {
        byte[] copy = encoded.clone();
        for (int i = 2; i < 10; i++) {
            copy[i] = (byte) ~copy[i];
        }
        return copy;
    }

    /** Stops sending; the thread running {@link #run()} returns within one tick. */
    void stop() {
        running = false;
    }

    @Override
    public void close() {
        stop();
        producer.close();
    }
}
