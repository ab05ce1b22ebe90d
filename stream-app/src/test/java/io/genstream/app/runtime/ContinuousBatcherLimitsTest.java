package io.genstream.app.runtime;

import static io.genstream.app.runtime.ContinuousBatchers.schedule;
import static io.genstream.app.runtime.ContinuousBatchers.unpadded;
import static io.genstream.app.runtime.Futures.await;
import static io.genstream.app.runtime.GreedyChooser.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a submit refuses at once: more than the wait queue holds, and prompts with no room left to generate. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ContinuousBatcherLimitsTest {

    @Test
    void fullWaitQueueRefusesTheNextSubmitAtOnceAndSubmitAllIsAllOrNothing() throws Exception {
        ChainModel model = new ChainModel(64).gated();
        RecordingSequenceListener listener = new RecordingSequenceListener();
        try (ContinuousBatcher batcher = unpadded("capacity-test", 1, model)
                .setQueueCapacity(2).optListener(listener).build()) {
            CompletableFuture<GeneratedSequence> active = batcher.submit(request(2, 1));
            assertThat(model.awaitEntered(1)).isTrue(); // the worker holds it; the queue is empty
            CompletableFuture<GeneratedSequence> waiting = batcher.submit(request(2, 2));
            assertThat(batcher.activeSequences()).isEqualTo(1);

            assertThatThrownBy(() -> batcher.submitAll(List.of(request(2, 3), request(2, 4))))
                    .isInstanceOfSatisfying(CapacityExceededException.class, e -> {
                        assertThat(e.capacity()).isEqualTo(2);
                        assertThat(e.requested()).isEqualTo(2);
                        assertThat(e.batcherName()).isEqualTo("capacity-test");
                    });
            assertThat(batcher.queueDepth()).isEqualTo(1); // neither 3 nor 4 got in
            CompletableFuture<GeneratedSequence> last = batcher.submit(request(2, 5));
            assertThatThrownBy(() -> batcher.submit(request(2, 6))).isInstanceOf(CapacityExceededException.class);
            assertThat(listener.rejected).hasValue(2);

            model.release(1_000);
            for (CompletableFuture<GeneratedSequence> future : List.of(active, waiting, last)) {
                assertThat(await(future).tokens()).hasSize(2);
            }
            assertThat(schedule(model)).containsExactly("P[1]", "S[1]", "P[2]", "S[2]", "P[5]", "S[5]");
        }
    }

    @Test
    void promptWithNoRoomLeftToGenerateIsRefusedAtSubmitAndNothingIsQueued() throws Exception {
        ChainModel model = new ChainModel(8);
        try (ContinuousBatcher batcher = unpadded("length-test", 4, model).build()) {
            SequenceRequest fits = request(1, 1, 1, 1, 1, 1, 1, 1); // 7 tokens: room for one more
            SequenceRequest full = request(1, 2, 2, 2, 2, 2, 2, 2, 2);

            assertThatThrownBy(() -> batcher.submit(full))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8 tokens");
            assertThatThrownBy(() -> batcher.submitAll(List.of(fits, full)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(batcher.queueDepth()).isZero();

            assertThat(await(batcher.submit(request(1, 3))).tokens()).hasSize(1);
            assertThat(schedule(model)).containsExactly("P[3]"); // the refused batch never reached the model
        }
    }

    @Test
    void missingOrInvalidSettingsAreRejectedWithTheirName() {
        ChainModel model = new ChainModel(8);
        assertThatThrownBy(() -> ContinuousBatcher.builder().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> ContinuousBatcher.builder().setName("x").setModels(List.of()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model");
        assertThatThrownBy(() -> unpadded("x", 0, model).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxActive");
        assertThatThrownBy(() -> unpadded("x", 1, model).setQueueCapacity(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queueCapacity");
        assertThatThrownBy(() -> unpadded("x", 1, model).optRowMultiple(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rowMultiple");
        assertThatThrownBy(() -> unpadded("x", 1, model, new ChainModel(9)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same maxLength");
        assertThatThrownBy(() -> unpadded("x", 1, new ChainModel(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxLength");
        assertThatThrownBy(() -> new SequenceRequest(new int[0], new GreedyChooser(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one token");
    }
}
