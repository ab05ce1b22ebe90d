package io.genstream.app.integration;

import io.genstream.app.config.GenstreamConfig;
import io.genstream.avro.NoiseSeedEvent;
import io.genstream.schemas.AvroCodec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Noise-seed requests produced at a steady pace on a thread of its own while a test breaks
 * things. A request counts as sent only once the broker acknowledged it, so an outage of the
 * broker cannot make the test expect what never arrived.
 */
final class SteadyLoad implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean stopping;

    /**
     * @param perSecond requests per second
     * @param maxCount each request asks for 1..maxCount images
     */
    SteadyLoad(GenstreamConfig config, String topic, String prefix, int perSecond, int maxCount, long seed) {
        producer = RequestTraffic.producer(config);
        AvroCodec<NoiseSeedEvent> codec = AvroCodec.of(NoiseSeedEvent.class);
        Random random = new Random(seed);
        thread = new Thread(() -> {
            long started = System.nanoTime();
            while (!stopping) {
                long due = (System.nanoTime() - started) * perSecond / 1_000_000_000L;
                while (sent.get() < due && !stopping) {
                    String requestId = prefix + sent.getAndIncrement();
                    NoiseSeedEvent event = RequestTraffic.noiseSeed(requestId, maxCount, random);
                    producer.send(new ProducerRecord<>(topic, requestId.getBytes(StandardCharsets.UTF_8),
                            codec.encode(event)), (metadata, e) -> {
                                if (e == null) {
                                    acknowledged.put(requestId, event.getCount());
                                } else {
                                    failure.compareAndSet(null, e);
                                }
                            });
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "steady-load");
        thread.start();
    }

    /** Requests handed to the producer so far. */
    int sent() {
        return sent.get();
    }

    /**
     * Stops producing, waits for every acknowledgement, and returns what was sent: requestId →
     * count. Fails when a request could not be delivered.
     */
    Map<String, Integer> stop() throws InterruptedException {
        stopping = true;
        thread.join();
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("a request could not be delivered", failure.get());
        }
        if (acknowledged.size() != sent.get()) {
            throw new IllegalStateException(acknowledged.size() + " of " + sent.get() + " requests acknowledged");
        }
        return new LinkedHashMap<>(acknowledged);
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join();
        producer.close();
    }
}
