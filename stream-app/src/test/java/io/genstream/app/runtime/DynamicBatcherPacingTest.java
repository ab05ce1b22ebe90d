package io.genstream.app.runtime;

import static io.genstream.app.runtime.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With a target busy share, a partial batch runs before its delay once it holds what the load needs: at once under
 * a light load, only after the delay when the load needs bigger batches than are waiting.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DynamicBatcherPacingTest {

    @Test
    void underALightLoadALoneItemRunsAtOnceInsteadOfWaitingTheDelay() throws Exception {
        DoublingHandler handler = new DoublingHandler();
        Duration delay = Duration.ofSeconds(20);
        try (DynamicBatcher<Integer, Integer> batcher = batcher(delay, 0.5, handler)) {
            for (int i = 0; i < 3; i++) {
                Batched<Integer> result = await(batcher.submit(i));
                assertThat(result.batchSize()).isEqualTo(1);
                assertThat(result.queueMs()).isLessThan(5_000);
                Thread.sleep(100);
            }
        }
    }

    @Test
    void withoutATargetALoneItemWaitsTheDelay() throws Exception {
        DoublingHandler handler = new DoublingHandler();
        Duration delay = Duration.ofMillis(300);
        try (DynamicBatcher<Integer, Integer> batcher = batcher(delay, 0, handler)) {
            assertThat(await(batcher.submit(1)).queueMs()).isGreaterThanOrEqualTo(delay.toMillis());
        }
    }

    @Test
    void whenTheLoadNeedsBiggerBatchesAPartialBatchWaitsTheDelay() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Semaphore entered = new Semaphore(0);
        DoublingHandler handler = new DoublingHandler(gate, entered);
        Duration delay = Duration.ofMillis(1500);
        try (DynamicBatcher<Integer, Integer> batcher = batcher(delay, 0.5, handler)) {
            // No call timed yet: the first item runs at once, and its call is held ~400 ms.
            CompletableFuture<Batched<Integer>> first = batcher.submit(0);
            assertThat(handler.awaitEntered(1)).isTrue();
            List<CompletableFuture<Batched<Integer>>> burst = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                burst.add(batcher.submit(i));
            }
            Thread.sleep(400);
            gate.countDown();
            await(first);
            // ~21 items in the last second, calls of ~400 ms, ρ 0.5: ~13 items needed, 20 waiting: at once.
            for (CompletableFuture<Batched<Integer>> future : burst) {
                Batched<Integer> result = await(future);
                assertThat(result.batchSize()).isEqualTo(20);
                assertThat(result.queueMs()).isLessThan(delay.toMillis());
            }
            // Still ~10 items needed (calls average ~320 ms now), 3 waiting: they wait the delay.
            List<CompletableFuture<Batched<Integer>>> few = batcher.submitAll(List.of(21, 22, 23));
            for (CompletableFuture<Batched<Integer>> future : few) {
                Batched<Integer> result = await(future);
                assertThat(result.batchSize()).isEqualTo(3);
                assertThat(result.queueMs()).isGreaterThanOrEqualTo(delay.toMillis());
            }
            assertThat(handler.batchSizes()).containsExactly(1, 20, 3);
        }
    }

    private static DynamicBatcher<Integer, Integer> batcher(Duration delay, double targetBusy,
            DoublingHandler handler) {
        return DynamicBatcher.<Integer, Integer>builder()
                .setName("pacing-test")
                .setMaxBatchSize(64)
                .setMaxBatchDelay(delay)
                .setQueueCapacity(100)
                .optTargetBusy(targetBusy)
                .setHandlers(List.of(handler))
                .build();
    }
}
