package io.genstream.app.runtime;

import static io.genstream.app.runtime.ContinuousBatchers.schedule;
import static io.genstream.app.runtime.ContinuousBatchers.unpadded;
import static io.genstream.app.runtime.Futures.await;
import static io.genstream.app.runtime.GreedyChooser.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Iteration-level scheduling: sequences join and leave the batch token by token. Requests submitted together by
 * one submitAll, or at moments a gated model decides, make every schedule below exact whatever the timing.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ContinuousBatcherScheduleTest {

    @Test
    void finishedSequenceLeavesAtOnceAndAWaitingOneJoinsAtTheNextIteration() throws Exception {
        ChainModel model = new ChainModel(64);
        try (ContinuousBatcher batcher = unpadded("schedule-test", 2, model).build()) {
            List<CompletableFuture<GeneratedSequence>> futures = batcher.submitAll(List.of(
                    request(3, 1, 5, 7), request(6, 2, 4), request(2, 3, 3, 3, 3)));

            assertThat(await(futures.get(0)).tokens()).containsExactly(ChainModel.greedy(new int[] {1, 5, 7}, 3));
            assertThat(await(futures.get(1)).tokens()).containsExactly(ChainModel.greedy(new int[] {2, 4}, 6));
            assertThat(await(futures.get(2)).tokens()).containsExactly(ChainModel.greedy(new int[] {3, 3, 3, 3}, 2));
            // 1 leaves after its third token; 3 joins the next iteration while 2 goes on, and leaves before it.
            assertThat(schedule(model)).containsExactly(
                    "P[1, 2]", "S[1, 2]", "S[1, 2]", "P[3]", "S[2, 3]", "S[2]", "S[2]");
            assertThat(model.calls.get(4).positions()).containsExactly(2 + 3 - 1, 4 + 1 - 1);
        }
    }

    @Test
    void requestSubmittedMidGenerationJoinsAtTheNextIterationWithoutWaitingForOthersToFinish() throws Exception {
        ChainModel model = new ChainModel(64).gated();
        try (ContinuousBatcher batcher = unpadded("join-test", 4, model).build()) {
            CompletableFuture<GeneratedSequence> first = batcher.submit(request(10, 1, 1));
            model.release(1);
            assertThat(model.awaitEntered(2)).isTrue(); // the prefill ran; the first step is held at the gate
            CompletableFuture<GeneratedSequence> second = batcher.submit(request(2, 2, 2));
            model.release(1_000);

            assertThat(await(first).tokens()).containsExactly(ChainModel.greedy(new int[] {1, 1}, 10));
            assertThat(await(second).tokens()).containsExactly(ChainModel.greedy(new int[] {2, 2}, 2));
            List<String> expected = new ArrayList<>(List.of("P[1]", "S[1]", "P[2]", "S[1, 2]"));
            expected.addAll(Collections.nCopies(7, "S[1]"));
            assertThat(schedule(model)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void activeSequencesAdvanceTogetherWithOneStepCallPerToken() throws Exception {
        ChainModel model = new ChainModel(64);
        RecordingSequenceListener listener = new RecordingSequenceListener();
        try (ContinuousBatcher batcher = unpadded("together-test", 8, model).optListener(listener).build()) {
            List<SequenceRequest> requests = new ArrayList<>();
            for (int id = 1; id <= 5; id++) {
                requests.add(request(10, id, id + 1, id + 2));
            }
            List<CompletableFuture<GeneratedSequence>> futures = batcher.submitAll(requests);

            for (int i = 0; i < 5; i++) {
                GeneratedSequence result = await(futures.get(i));
                assertThat(result.tokens()).containsExactly(ChainModel.greedy(requests.get(i).prompt(), 10));
                assertThat(result.steps()).isEqualTo(9);
                assertThat(result.meanSequences()).isEqualTo(5.0);
            }
            // Ten tokens each: one prefill for all five, then nine steps for all five.
            List<String> expected = new ArrayList<>(List.of("P[1, 2, 3, 4, 5]"));
            expected.addAll(Collections.nCopies(9, "S[1, 2, 3, 4, 5]"));
            assertThat(schedule(model)).containsExactlyElementsOf(expected);
            assertThat(listener.calls).hasSize(10).allSatisfy(call -> assertThat(call.sequences()).isEqualTo(5));
        }
    }

    @Test
    void noCallOfAnyInstanceHoldsMoreThanMaxActiveSequences() throws Exception {
        ChainModel first = new ChainModel(64);
        ChainModel second = new ChainModel(64);
        try (ContinuousBatcher batcher = unpadded("max-active-test", 3, first, second).build()) {
            List<SequenceRequest> requests = new ArrayList<>();
            for (int id = 1; id <= 20; id++) {
                requests.add(request(1 + id % 7, id));
            }
            List<CompletableFuture<GeneratedSequence>> futures = batcher.submitAll(requests);

            for (int i = 0; i < requests.size(); i++) {
                assertThat(await(futures.get(i)).tokens())
                        .containsExactly(ChainModel.greedy(requests.get(i).prompt(), 1 + (i + 1) % 7));
            }
            List<ChainModel.Call> calls = new ArrayList<>(first.calls);
            calls.addAll(second.calls);
            assertThat(calls).allSatisfy(call -> assertThat(call.rows()).isBetween(1, 3));
            assertThat(calls.stream().mapToInt(ChainModel.Call::rows).max()).hasValue(3);
            assertThat(calls.stream().filter(ChainModel.Call::prefill).mapToInt(ChainModel.Call::rows).sum())
                    .isEqualTo(20); // every request was prefilled exactly once, on one instance
        }
    }
}
