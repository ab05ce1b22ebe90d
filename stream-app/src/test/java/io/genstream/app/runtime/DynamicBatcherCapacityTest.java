package io.genstream.app.runtime;

import static io.genstream.app.runtime.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The queue is bounded and says so at once: a stream thread is never blocked and memory never grows. The one
 * handler is held at a gate with one item in flight, so the queue's contents are exactly what the test put there.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DynamicBatcherCapacityTest {

    private static final int CAPACITY = 4;

    private final CountDownLatch gate = new CountDownLatch(1);
    private final DoublingHandler handler = new DoublingHandler(gate);
    private final RecordingListener listener = new RecordingListener();

    @Test
    void fullQueueRejectsTheNextSubmitAtOnceAndEverythingQueuedStillCompletes() throws Exception {
        try (DynamicBatcher<Integer, Integer> batcher = busyBatcher()) {
            List<CompletableFuture<Batched<Integer>>> queued = new ArrayList<>();
            for (int i = 1; i <= CAPACITY; i++) {
                queued.add(batcher.submit(i));
            }
            assertThat(batcher.queueDepth()).isEqualTo(CAPACITY);

            // The handler is still blocked: if submit waited for room, this would hang until the @Timeout.
            assertThatThrownBy(() -> batcher.submit(99))
                    .isInstanceOfSatisfying(CapacityExceededException.class, e -> {
                        assertThat(e.capacity()).isEqualTo(CAPACITY);
                        assertThat(e.batcherName()).isEqualTo("capacity-test");
                        assertThat(e.requested()).isEqualTo(1);
                    })
                    .hasMessageContaining("capacity-test");
            assertThat(listener.rejected).hasValue(1);

            gate.countDown();
            for (int i = 1; i <= CAPACITY; i++) {
                assertThat(await(queued.get(i - 1)).value()).isEqualTo(2 * i);
            }
            assertThat(batcher.queueDepth()).isZero();
            assertThat(await(batcher.submit(7)).value()).isEqualTo(14); // room again once drained
        }
    }

    @Test
    void submitAllEnqueuesAllItemsOrNone() throws Exception {
        try (DynamicBatcher<Integer, Integer> batcher = busyBatcher()) {
            List<CompletableFuture<Batched<Integer>>> first = batcher.submitAll(List.of(1, 2, 3));

            assertThatThrownBy(() -> batcher.submitAll(List.of(4, 5)))
                    .isInstanceOfSatisfying(CapacityExceededException.class,
                            e -> assertThat(e.requested()).isEqualTo(2));
            assertThat(batcher.queueDepth()).isEqualTo(3); // neither 4 nor 5 got in
            List<CompletableFuture<Batched<Integer>>> last = batcher.submitAll(List.of(6));
            assertThat(batcher.queueDepth()).isEqualTo(CAPACITY);

            gate.countDown();
            List<Integer> values = new ArrayList<>();
            for (CompletableFuture<Batched<Integer>> future : first) {
                values.add(await(future).value());
            }
            values.add(await(last.get(0)).value());
            assertThat(values).containsExactly(2, 4, 6, 12);
            assertThat(handler.batches).flatMap(batch -> batch).doesNotContain(4, 5);
        }
    }

    /** A batcher whose only worker is stuck in the handler on item 0, with an empty queue of {@link #CAPACITY}. */
    private DynamicBatcher<Integer, Integer> busyBatcher() throws InterruptedException {
        DynamicBatcher<Integer, Integer> batcher = DynamicBatcher.<Integer, Integer>builder()
                .setName("capacity-test")
                .setMaxBatchSize(1)
                .setMaxBatchDelay(Duration.ZERO)
                .setQueueCapacity(CAPACITY)
                .setHandlers(List.of(handler))
                .optListener(listener)
                .build();
        batcher.submit(0);
        assertThat(handler.awaitEntered(1)).isTrue();
        return batcher;
    }
}
