package io.genstream.app.runtime;

import static io.genstream.app.runtime.Futures.await;
import static io.genstream.app.runtime.Futures.awaitFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Shutdown: nothing queued is left hanging, the batch in flight may finish, and a stuck one cannot block it. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DynamicBatcherCloseTest {

    private final CountDownLatch gate = new CountDownLatch(1);
    private final DoublingHandler handler = new DoublingHandler(gate);

    @Test
    void closeFailsQueuedItemsRejectsNewOnesAndLetsTheBatchInFlightFinish() throws Exception {
        DynamicBatcher<Integer, Integer> batcher = batcher(Duration.ofSeconds(30));
        CompletableFuture<Batched<Integer>> inFlight = batcher.submit(1);
        assertThat(handler.awaitEntered(1)).isTrue();
        List<CompletableFuture<Batched<Integer>>> queued = batcher.submitAll(List.of(2, 3));

        Thread closer = new Thread(batcher::close, "closer");
        closer.start(); // close() now waits for the batch held at the gate
        for (CompletableFuture<Batched<Integer>> future : queued) {
            assertThat(awaitFailure(future))
                    .isInstanceOf(BatcherClosedException.class)
                    .hasMessageContaining("close-test")
                    .hasMessageContaining("before this item was dispatched");
        }
        assertThatThrownBy(() -> batcher.submit(4)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> batcher.submitAll(List.of(5, 6))).isInstanceOf(IllegalStateException.class);
        assertThat(closer.isAlive()).isTrue();

        gate.countDown();
        assertThat(await(inFlight).value()).isEqualTo(2);
        closer.join(TimeUnit.SECONDS.toMillis(5));
        assertThat(closer.isAlive()).isFalse();
        assertThat(handler.batches).containsExactly(List.of(1));
        batcher.close(); // a second close is a no-op
    }

    @Test
    void closeGivesUpOnAStuckBatchAfterTheCloseTimeout() throws Exception {
        DynamicBatcher<Integer, Integer> batcher = batcher(Duration.ofMillis(50));
        CompletableFuture<Batched<Integer>> stuck = batcher.submit(1);
        assertThat(handler.awaitEntered(1)).isTrue();

        batcher.close(); // the gate never opens: close must still return, and the caller must still hear

        assertThat(awaitFailure(stuck))
                .isInstanceOf(BatcherClosedException.class)
                .hasMessageContaining("still running");
    }

    private DynamicBatcher<Integer, Integer> batcher(Duration closeTimeout) {
        return DynamicBatcher.<Integer, Integer>builder()
                .setName("close-test")
                .setMaxBatchSize(1)
                .setMaxBatchDelay(Duration.ZERO)
                .setQueueCapacity(10)
                .setHandlers(List.of(handler))
                .optCloseTimeout(closeTimeout)
                .build();
    }
}
