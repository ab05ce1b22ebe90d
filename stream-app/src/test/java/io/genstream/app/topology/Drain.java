package io.genstream.app.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Lets a {@link TopologyTestDriver} finish what it buffered: model calls run on the batcher's
 * threads, and finished requests are emitted by a wall-clock punctuator, which only fires when
 * the test advances the driver's wall clock.
 */
public final class Drain {

    private Drain() {}

    /** Advances wall-clock time until the pending store is empty, or fails after the timeout. */
    public static void pending(TopologyTestDriver driver, Duration timeout) throws InterruptedException {
        List<KeyValueStore<Long, byte[]>> stores = new ArrayList<>();
        for (String name : List.of(ImageGeneration.STORE, TextGeneration.STORE)) {
            KeyValueStore<Long, byte[]> store = driver.getKeyValueStore(name);
            if (store != null) { // a topology under test may have only one of the flows
                stores.add(store);
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!stores.stream().allMatch(Drain::isEmpty)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("requests still pending after " + timeout);
            }
            Thread.sleep(2);
            driver.advanceWallClockTime(Duration.ofMillis(5));
        }
    }

    public static void pending(TopologyTestDriver driver) throws InterruptedException {
        pending(driver, Duration.ofSeconds(30));
    }

    private static boolean isEmpty(KeyValueStore<Long, byte[]> store) {
        try (KeyValueIterator<Long, byte[]> all = store.all()) {
            return !all.hasNext();
        }
    }
}
