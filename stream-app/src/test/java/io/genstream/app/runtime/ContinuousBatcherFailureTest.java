package io.genstream.app.runtime;

import static io.genstream.app.runtime.ContinuousBatchers.schedule;
import static io.genstream.app.runtime.ContinuousBatchers.unpadded;
import static io.genstream.app.runtime.Futures.await;
import static io.genstream.app.runtime.Futures.awaitFailure;
import static io.genstream.app.runtime.GreedyChooser.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.runtime.TokenChooser.Choice;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A failing model call fails only the sequences that were in it, a failing chooser only its own sequence. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ContinuousBatcherFailureTest {

    private static final int POISON = 66;

    @Test
    void failingStepFailsOnlyItsSequencesAndTheWorkerCarriesOn() throws Exception {
        // The second step that holds the poisoned sequence fails.
        ChainModel model = new ChainModel(64).failWhen(call -> !call.prefill() && call.ids().contains(POISON)
                && call.positions().get(call.ids().indexOf(POISON)) == 2 + 1);
        RecordingSequenceListener listener = new RecordingSequenceListener();
        try (ContinuousBatcher batcher = unpadded("failure-test", 2, model).optListener(listener).build()) {
            List<CompletableFuture<GeneratedSequence>> futures = batcher.submitAll(List.of(
                    request(9, POISON, 1), request(9, 1, 1), request(4, 2, 1)));

            for (CompletableFuture<GeneratedSequence> failed : futures.subList(0, 2)) {
                assertThat(awaitFailure(failed))
                        .isInstanceOfSatisfying(BatchFailedException.class, e -> {
                            assertThat(e.batchSize()).isEqualTo(2);
                            assertThat(e.batcherName()).isEqualTo("failure-test");
                        })
                        .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("on purpose");
            }
            assertThat(await(futures.get(2)).tokens()).containsExactly(ChainModel.greedy(new int[] {2, 1}, 4));
            GeneratedSequence later = await(batcher.submit(request(3, 3, 1)));
            assertThat(later.tokens()).containsExactly(ChainModel.greedy(new int[] {3, 1}, 3));
            assertThat(schedule(model)).startsWith("P[66, 1]", "S[66, 1]", "S[66, 1]", "P[2]", "S[2]");
            assertThat(listener.failedCallSizes).containsExactly(2);
            assertThat(listener.finished).hasSize(2);
            assertThat(model.outstandingStates()).as("states neither stepped nor released").isZero();
        }
    }

    @Test
    void failingPrefillFailsOnlyTheNewcomersAndSequencesInProgressGoOn() throws Exception {
        ChainModel model = new ChainModel(64).gated().failWhen(call -> call.prefill() && call.ids().contains(POISON));
        try (ContinuousBatcher batcher = unpadded("prefill-failure-test", 4, model).build()) {
            CompletableFuture<GeneratedSequence> running = batcher.submit(request(6, 1, 2, 3));
            model.release(1);
            assertThat(model.awaitEntered(2)).isTrue(); // its first step is held at the gate
            CompletableFuture<GeneratedSequence> poisoned = batcher.submit(request(6, POISON, 2, 3));
            model.release(1_000);

            assertThat(awaitFailure(poisoned)).isInstanceOfSatisfying(
                    BatchFailedException.class, e -> assertThat(e.batchSize()).isEqualTo(1));
            assertThat(await(running).tokens()).containsExactly(ChainModel.greedy(new int[] {1, 2, 3}, 6));
            assertThat(schedule(model)).startsWith("P[1]", "S[1]", "P[66]", "S[1]");
        }
    }

    @Test
    void failingChooserEndsOnlyItsOwnSequence() throws Exception {
        ChainModel model = new ChainModel(64);
        TokenChooser throwsAtThirdToken = new TokenChooser() {
            private int calls;

            @Override
            public Choice choose(float[] logits) {
                if (++calls == 3) {
                    throw new IllegalArgumentException("caller's decoder failed");
                }
                return Choice.next(ChainModel.argmax(logits), Double.NaN);
            }
        };
        TokenChooser outOfVocabulary = logits -> Choice.next(logits.length, 0);
        try (ContinuousBatcher batcher = unpadded("chooser-failure-test", 4, model).build()) {
            List<CompletableFuture<GeneratedSequence>> futures = batcher.submitAll(List.of(
                    new SequenceRequest(new int[] {1}, throwsAtThirdToken),
                    new SequenceRequest(new int[] {2}, outOfVocabulary),
                    request(5, 3)));

            assertThat(awaitFailure(futures.get(0)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decoder failed");
            assertThat(awaitFailure(futures.get(1)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("token " + ChainModel.VOCABULARY);
            assertThat(await(futures.get(2)).tokens()).containsExactly(ChainModel.greedy(new int[] {3}, 5));
            assertThat(schedule(model)).containsExactly("P[1, 2, 3]", "S[1, 3]", "S[1, 3]", "S[3]", "S[3]");
            assertThat(model.outstandingStates()).as("states neither stepped nor released").isZero();
        }
    }

    @Test
    void modelReturningTooFewRowsFailsItsCallRatherThanMisplacingResults() throws Exception {
        ChainModel chain = new ChainModel(64);
        SequenceModel<float[]> dropsARow = new SequenceModel<>() {
            @Override
            public Output<float[]> prefill(int[][] tokens, int[] lengths) throws Exception {
                return chain.prefill(tokens, lengths);
            }

            @Override
            public Output<float[]> step(int[] tokens, int[] positions, List<float[]> states) throws Exception {
                Output<float[]> full = chain.step(tokens, positions, states);
                int rows = full.logits().length - 1;
                return new Output<>(Arrays.copyOf(full.logits(), rows), full.states().subList(0, rows));
            }

            @Override
            public void release(float[] state) {
                chain.release(state);
            }

            @Override
            public int maxLength() {
                return chain.maxLength();
            }
        };
        try (ContinuousBatcher batcher = unpadded("rows-test", 4, dropsARow).build()) {
            List<CompletableFuture<GeneratedSequence>> futures = batcher.submitAll(List.of(
                    request(4, 1), request(4, 2), request(1, 3)));

            for (CompletableFuture<GeneratedSequence> future : futures.subList(0, 2)) {
                assertThat(awaitFailure(future)).isInstanceOf(BatchFailedException.class)
                        .cause().hasMessageContaining("1 logits rows and 1 state rows for 2 rows");
            }
            assertThat(await(futures.get(2)).tokens()).hasSize(1); // it finished at the prefill, before the step
        }
    }
}
