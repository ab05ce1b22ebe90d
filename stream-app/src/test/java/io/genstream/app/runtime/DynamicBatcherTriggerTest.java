package io.genstream.app.runtime;

import static io.genstream.app.runtime.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** When a batch is dispatched: as soon as it is full, or once its oldest item has waited maxBatchDelay. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DynamicBatcherTriggerTest {

    private static final Duration NEVER = Duration.ofHours(1);

    @Test
    void fullBatchIsDispatchedAtOnceWithoutWaitingForTheDelay() throws Exception {
        DoublingHandler handler = new DoublingHandler();
        RecordingListener listener = new RecordingListener();
        try (DynamicBatcher<Integer, Integer> batcher = batcher(8, NEVER, handler, listener)) {
            List<CompletableFuture<Batched<Integer>>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(batcher.submit(i)); // eight separate submits become one batch
            }
            for (int i = 0; i < 8; i++) {
                Batched<Integer> result = await(futures.get(i));
                assertThat(result.value()).isEqualTo(2 * i);
                assertThat(result.batchSize()).isEqualTo(8);
                assertThat(result.queueMs()).isGreaterThanOrEqualTo(0).isLessThan(3_000);
                assertThat(result.inferenceMs()).isGreaterThanOrEqualTo(0);
            }
            assertThat(handler.batches).containsExactly(List.of(0, 1, 2, 3, 4, 5, 6, 7));
            assertThat(listener.batchSizes).containsExactly(8);
        }
    }

    @Test
    void batchNeverExceedsMaxBatchSize() throws Exception {
        DoublingHandler handler = new DoublingHandler();
        try (DynamicBatcher<Integer, Integer> batcher = batcher(8, NEVER, handler, BatcherListener.NONE)) {
            List<CompletableFuture<Batched<Integer>>> futures = batcher.submitAll(range(16));
            for (CompletableFuture<Batched<Integer>> future : futures) {
                await(future);
            }
            assertThat(handler.batches).containsExactly(range(8), range(16).subList(8, 16));
        }
    }

    @Test
    void partialBatchIsDispatchedOnceItsOldestItemHasWaitedMaxBatchDelay() throws Exception {
        DoublingHandler handler = new DoublingHandler();
        Duration delay = Duration.ofMillis(50);
        try (DynamicBatcher<Integer, Integer> batcher = batcher(64, delay, handler, BatcherListener.NONE)) {
            long start = System.nanoTime();
            List<CompletableFuture<Batched<Integer>>> futures = batcher.submitAll(List.of(1, 2, 3));
            for (CompletableFuture<Batched<Integer>> future : futures) {
                await(future);
            }
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(elapsedMs).isGreaterThanOrEqualTo(delay.toMillis()).isLessThan(3_000);
            assertThat(handler.batches).containsExactly(List.of(1, 2, 3));
            assertThat(await(futures.get(0)).queueMs()).isGreaterThanOrEqualTo(delay.toMillis());
        }
    }

    @Test
    void loneItemWaitsAboutMaxBatchDelayThenRunsAlone() throws Exception {
        DoublingHandler handler = new DoublingHandler();
        RecordingListener listener = new RecordingListener();
        Duration delay = Duration.ofMillis(50);
        try (DynamicBatcher<Integer, Integer> batcher = batcher(64, delay, handler, listener)) {
            Batched<Integer> result = await(batcher.submit(21));

            assertThat(result.value()).isEqualTo(42);
            assertThat(result.batchSize()).isEqualTo(1);
            assertThat(result.queueMs()).isGreaterThanOrEqualTo(delay.toMillis()).isLessThan(3_000);
            assertThat(listener.queueNanosOldest).singleElement()
                    .satisfies(nanos -> assertThat(nanos).isGreaterThanOrEqualTo(delay.toNanos()));
        }
    }

    private static DynamicBatcher<Integer, Integer> batcher(
            int maxBatchSize, Duration delay, DoublingHandler handler, BatcherListener listener) {
        return DynamicBatcher.<Integer, Integer>builder()
                .setName("trigger-test")
                .setMaxBatchSize(maxBatchSize)
                .setMaxBatchDelay(delay)
                .setQueueCapacity(100)
                .setHandlers(List.of(handler))
                .optListener(listener)
                .build();
    }

    private static List<Integer> range(int n) {
        List<Integer> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(i);
        }
        return items;
    }
}
