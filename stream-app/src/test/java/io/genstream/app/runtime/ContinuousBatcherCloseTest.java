package io.genstream.app.runtime;

import static io.genstream.app.runtime.ContinuousBatchers.unpadded;
import static io.genstream.app.runtime.Futures.awaitFailure;
import static io.genstream.app.runtime.GreedyChooser.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Shutdown: nothing waiting or active is left hanging, and a stuck model call cannot block it. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ContinuousBatcherCloseTest {

    private final ChainModel model = new ChainModel(64).gated();

    @Test
    void closeFailsWaitingAndActiveSequencesAndRefusesNewOnes() throws Exception {
        ContinuousBatcher batcher = unpadded("close-test", 1, model).build();
        CompletableFuture<GeneratedSequence> active = batcher.submit(request(10, 1));
        assertThat(model.awaitEntered(1)).isTrue(); // its prefill is held at the gate
        List<CompletableFuture<GeneratedSequence>> waiting = batcher.submitAll(List.of(request(10, 2), request(10, 3)));

        Thread closer = new Thread(batcher::close, "closer");
        closer.start(); // close() now waits for the prefill held at the gate
        for (CompletableFuture<GeneratedSequence> future : waiting) {
            assertThat(awaitFailure(future)).isInstanceOf(BatcherClosedException.class)
                    .hasMessageContaining("close-test").hasMessageContaining("before this sequence started");
        }
        assertThatThrownBy(() -> batcher.submit(request(10, 4))).isInstanceOf(IllegalStateException.class);
        assertThat(closer.isAlive()).isTrue();

        model.release(1_000);
        assertThat(awaitFailure(active)).isInstanceOf(BatcherClosedException.class)
                .hasMessageContaining("while this sequence was being generated");
        closer.join(TimeUnit.SECONDS.toMillis(5));
        assertThat(closer.isAlive()).isFalse();
        assertThat(model.calls).hasSize(1); // no step after the close
        batcher.close(); // a second close is a no-op
    }

    @Test
    void closeGivesUpOnAStuckModelCallAfterTheCloseTimeout() throws Exception {
        ContinuousBatcher batcher = unpadded("stuck-test", 1, model).optCloseTimeout(Duration.ofMillis(50)).build();
        CompletableFuture<GeneratedSequence> stuck = batcher.submit(request(10, 1));
        assertThat(model.awaitEntered(1)).isTrue();

        batcher.close(); // the gate never opens: close must still return, and the caller must still hear

        assertThat(awaitFailure(stuck))
                .isInstanceOf(BatcherClosedException.class).hasMessageContaining("still running");
    }
}
