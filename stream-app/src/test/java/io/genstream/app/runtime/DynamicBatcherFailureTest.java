package io.genstream.app.runtime;

import static io.genstream.app.runtime.Futures.await;
import static io.genstream.app.runtime.Futures.awaitFailure;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A failing model call fails only the items that were in it. With maxBatchDelay of an hour and groups of exactly
 * maxBatchSize, each submitAll below is exactly one batch, whatever the timing.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DynamicBatcherFailureTest {

    private static final Duration NEVER = Duration.ofHours(1);

    @Test
    void failingBatchFailsOnlyItsOwnItemsAndTheWorkerKeepsServing() throws Exception {
        DoublingHandler handler = new DoublingHandler();
        RecordingListener listener = new RecordingListener();
        try (DynamicBatcher<Integer, Integer> batcher = batcher(handler, listener)) {
            List<CompletableFuture<Batched<Integer>>> before = batcher.submitAll(List.of(1, 2, 3, 4));
            List<CompletableFuture<Batched<Integer>>> poisoned =
                    batcher.submitAll(List.of(5, DoublingHandler.POISON, 7, 8));
            List<CompletableFuture<Batched<Integer>>> after = batcher.submitAll(List.of(9, 10, 11, 12));

            for (CompletableFuture<Batched<Integer>> future : poisoned) {
                assertThat(awaitFailure(future))
                        .isInstanceOfSatisfying(BatchFailedException.class, e -> {
                            assertThat(e.batchSize()).isEqualTo(4);
                            assertThat(e.batcherName()).isEqualTo("failure-test");
                        })
                        .hasMessageContaining("batch of 4")
                        .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poisoned");
            }
            assertThat(await(before.get(3)).value()).isEqualTo(8);
            assertThat(await(after.get(0)).value()).isEqualTo(18);
            assertThat(await(after.get(3)).value()).isEqualTo(24);
            assertThat(listener.failedBatchSizes).containsExactly(4);
            assertThat(listener.batchSizes).containsExactly(4, 4, 4);
        }
    }

    @Test
    void handlerReturningTheWrongNumberOfOutputsFailsItsBatch() throws Exception {
        BatchHandler<Integer, Integer> dropsOne = batch -> batch.subList(1, batch.size());
        try (DynamicBatcher<Integer, Integer> batcher = batcher(dropsOne, BatcherListener.NONE)) {
            List<CompletableFuture<Batched<Integer>>> futures = batcher.submitAll(List.of(1, 2, 3, 4));

            // Pairing 3 outputs with 4 inputs would hand someone else's result to a request: fail instead.
            for (CompletableFuture<Batched<Integer>> future : futures) {
                assertThat(awaitFailure(future))
                        .isInstanceOf(BatchFailedException.class)
                        .cause().isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("3 outputs for 4 inputs");
            }
        }
    }

    private static DynamicBatcher<Integer, Integer> batcher(
            BatchHandler<Integer, Integer> handler, BatcherListener listener) {
        return DynamicBatcher.<Integer, Integer>builder()
                .setName("failure-test")
                .setMaxBatchSize(4)
                .setMaxBatchDelay(NEVER)
                .setQueueCapacity(100)
                .setHandlers(List.of(handler))
                .optListener(listener)
                .build();
    }
}
