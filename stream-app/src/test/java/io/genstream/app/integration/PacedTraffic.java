package io.genstream.app.integration;

import io.genstream.app.config.GenstreamConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Noise-seed requests produced in small batches at a steady pace on a thread of their own, so that
 * something can happen to the application while events flow; remembers every request's count.
 */
final class PacedTraffic implements AutoCloseable {

    private final Map<String, Integer> expected = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile RuntimeException failure;

    /**
     * @param batch requests per batch
     * @param pauseMs pause between batches
     */
    PacedTraffic(GenstreamConfig config, String topic, String prefix, int batch, int maxCount, long pauseMs) {
        thread = new Thread(() -> {
            try {
                for (int i = 0; !stopped; i++) {
                    Map<String, Integer> sent = RequestTraffic.produce(config, topic, prefix + i + "-", batch, maxCount, i);
                    synchronized (expected) {
                        expected.putAll(sent);
                    }
                    Thread.sleep(pauseMs);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = e;
            }
        }, "paced-traffic");
        thread.start();
    }

    /** Stops producing and returns every request produced: requestId → count. */
    Map<String, Integer> stop() throws InterruptedException {
        stopped = true;
        thread.join(30_000);
        if (failure != null) {
            throw failure;
        }
        synchronized (expected) {
            return new LinkedHashMap<>(expected);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
