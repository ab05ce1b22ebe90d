package io.genstream.app.runtime;

import static io.genstream.app.runtime.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many stream threads share one batcher. With maxBatchDelay of an hour, only the size trigger fires, so batch
 * counts are exact however the threads are scheduled.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DynamicBatcherConcurrencyTest {

    private static final int THREADS = 8;
    private static final Duration NEVER = Duration.ofHours(1);

    private final ExecutorService submitters = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stopSubmitters() {
        submitters.shutdownNow();
    }

    @Test
    void itemsFromManySubmitterThreadsAreMergedIntoOneBatch() throws Exception {
        DoublingHandler handler = new DoublingHandler();
        try (DynamicBatcher<Integer, Integer> batcher = batcher(32, List.of(handler))) {
            Map<Integer, CompletableFuture<Batched<Integer>>> futures = submitConcurrently(batcher, 4);

            for (Map.Entry<Integer, CompletableFuture<Batched<Integer>>> entry : futures.entrySet()) {
                Batched<Integer> result = await(entry.getValue());
                assertThat(result.value()).isEqualTo(2 * entry.getKey());
                assertThat(result.batchSize()).isEqualTo(32);
            }
            // 8 threads x 4 items, one model call.
            assertThat(handler.batches).hasSize(1);
            assertThat(handler.batches.get(0)).containsExactlyInAnyOrderElementsOf(futures.keySet());
        }
    }

    @Test
    void everyFutureGetsItsOwnOutputUnderConcurrentLoad() throws Exception {
        DoublingHandler first = new DoublingHandler();
        DoublingHandler second = new DoublingHandler();
        try (DynamicBatcher<Integer, Integer> batcher = batcher(16, List.of(first, second))) {
            Map<Integer, CompletableFuture<Batched<Integer>>> futures = submitConcurrently(batcher, 100);

            for (Map.Entry<Integer, CompletableFuture<Batched<Integer>>> entry : futures.entrySet()) {
                assertThat(await(entry.getValue()).value()).isEqualTo(2 * entry.getKey());
            }
            List<Integer> sizes = new ArrayList<>(first.batchSizes());
            sizes.addAll(second.batchSizes());
            assertThat(sizes).hasSize(800 / 16).containsOnly(16);
        }
    }

    @Test
    void secondInstanceServesWhileTheFirstIsBusy() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Semaphore entered = new Semaphore(0);
        DoublingHandler first = new DoublingHandler(gate, entered);
        DoublingHandler second = new DoublingHandler(gate, entered);
        try (DynamicBatcher<Integer, Integer> batcher = batcher(4, List.of(first, second))) {
            List<CompletableFuture<Batched<Integer>>> futures = new ArrayList<>(batcher.submitAll(List.of(1, 2, 3, 4)));
            assertThat(entered.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
            // One instance is now held at the gate, so only the other one can take this batch.
            futures.addAll(batcher.submitAll(List.of(5, 6, 7, 8)));
            assertThat(entered.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
            assertThat(first.batches).hasSize(1);
            assertThat(second.batches).hasSize(1);
            assertThat(first.threads.get(0)).isNotEqualTo(second.threads.get(0)).startsWith("group-test-worker-");

            gate.countDown();
            for (int i = 0; i < futures.size(); i++) {
                assertThat(await(futures.get(i)).value()).isEqualTo(2 * (i + 1));
            }
        }
    }

    /**
     * Submits {@code perThread} distinct items from each of {@link #THREADS} threads, all released at once.
     *
     * @return each item's future, keyed by the item
     */
    private Map<Integer, CompletableFuture<Batched<Integer>>> submitConcurrently(
            DynamicBatcher<Integer, Integer> batcher, int perThread) throws Exception {
        Map<Integer, CompletableFuture<Batched<Integer>>> futures = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int base = t * perThread;
            done.add(submitters.submit(() -> {
                start.await();
                for (int i = base; i < base + perThread; i++) {
                    futures.put(i, batcher.submit(i));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> submitted : done) {
            submitted.get(5, TimeUnit.SECONDS);
        }
        assertThat(futures).hasSize(THREADS * perThread);
        return futures;
    }

    private static DynamicBatcher<Integer, Integer> batcher(int maxBatchSize, List<DoublingHandler> handlers) {
        return DynamicBatcher.<Integer, Integer>builder()
                .setName("group-test")
                .setMaxBatchSize(maxBatchSize)
                .setMaxBatchDelay(NEVER)
                .setQueueCapacity(1_000)
                .setHandlers(handlers)
                .build();
    }
}
