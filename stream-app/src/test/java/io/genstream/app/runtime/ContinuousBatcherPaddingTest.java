package io.genstream.app.runtime;

import static io.genstream.app.runtime.Futures.await;
import static io.genstream.app.runtime.GreedyChooser.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bit-reproducibility whatever the batch: the model here answers differently unless a call holds a multiple of 8
 * rows (as a kernel that picks its algorithm by batch size may), so only padding keeps every request's tokens the
 * same when run alone or among 31 others.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ContinuousBatcherPaddingTest {

    private static final int REQUESTS = 32;

    private final ExecutorService submitters = Executors.newFixedThreadPool(REQUESTS);

    @AfterEach
    void stopSubmitters() {
        submitters.shutdownNow();
    }

    @Test
    void everyCallIsPaddedToAMultipleOfEightWithCopiesOfRowZeroWhoseOutputsAreDropped() throws Exception {
        ChainModel model = new ChainModel(64).sensitiveToRowCount();
        RecordingSequenceListener listener = new RecordingSequenceListener();
        try (ContinuousBatcher batcher = padded(model, 16).optListener(listener).build()) {
            List<CompletableFuture<GeneratedSequence>> futures = batcher.submitAll(List.of(
                    request(4, 1, 2), request(6, 2, 2, 2), request(9, 3)));

            assertThat(await(futures.get(0)).tokens()).containsExactly(ChainModel.greedy(new int[] {1, 2}, 4));
            assertThat(await(futures.get(1)).tokens()).containsExactly(ChainModel.greedy(new int[] {2, 2, 2}, 6));
            assertThat(await(futures.get(2)).tokens()).containsExactly(ChainModel.greedy(new int[] {3}, 9));
        }
        assertThat(model.calls).hasSize(9).allSatisfy(call -> assertThat(call.rows()).isEqualTo(8));
        assertThat(listener.calls).hasSize(9);
        for (int c = 0; c < model.calls.size(); c++) {
            List<Integer> ids = model.calls.get(c).ids();
            int sequences = listener.calls.get(c).sequences();
            assertThat(listener.calls.get(c).rows()).isEqualTo(8);
            assertThat(ids.subList(0, sequences)).doesNotHaveDuplicates();
            assertThat(ids.subList(sequences, 8)).containsOnly(ids.get(0)); // pad rows repeat row 0
        }
        assertThat(model.outstandingStates()).as("states (pad rows' included) neither stepped nor released").isZero();
    }

    @Test
    void withoutPaddingThatModelGivesOtherTokens() throws Exception {
        ChainModel model = new ChainModel(64).sensitiveToRowCount();
        try (ContinuousBatcher batcher = padded(model, 16).optRowMultiple(1).build()) {
            List<CompletableFuture<GeneratedSequence>> futures = batcher.submitAll(List.of(
                    request(4, 1, 2), request(6, 2, 2, 2), request(9, 3)));

            // So the test above would fail if the runtime did not pad: three rows shift every first token.
            assertThat(await(futures.get(0)).tokens()[0]).isNotEqualTo(ChainModel.greedy(new int[] {1, 2}, 1)[0]);
            assertThat(await(futures.get(2)).tokens()[0]).isNotEqualTo(ChainModel.greedy(new int[] {3}, 1)[0]);
        }
    }

    @Test
    void tokensAreTheSameWhetherRequestsRunOneAtATimeOrThirtyTwoAtOnce() throws Exception {
        List<int[]> alone = new ArrayList<>();
        try (ContinuousBatcher batcher = padded(new ChainModel(64).sensitiveToRowCount(), REQUESTS).build()) {
            for (int i = 0; i < REQUESTS; i++) {
                alone.add(await(batcher.submit(requestNumber(i))).tokens());
            }
        }

        ChainModel shared = new ChainModel(64).sensitiveToRowCount().gated();
        RecordingSequenceListener listener = new RecordingSequenceListener();
        Map<Integer, CompletableFuture<GeneratedSequence>> futures = new ConcurrentHashMap<>();
        try (ContinuousBatcher batcher = padded(shared, REQUESTS).optListener(listener).build()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> submitted = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                int n = i;
                submitted.add(submitters.submit(() -> {
                    start.await();
                    futures.put(n, batcher.submit(requestNumber(n)));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> done : submitted) {
                done.get(5, TimeUnit.SECONDS);
            }
            shared.release(100_000); // all 32 are in before the first call returns, so they must share calls
            for (int i = 0; i < REQUESTS; i++) {
                assertThat(await(futures.get(i)).tokens()).as("request %d", i).containsExactly(alone.get(i));
                assertThat(alone.get(i)).containsExactly(ChainModel.greedy(requestNumber(i).prompt(), 5 + i % 11));
            }
        }
        assertThat(listener.calls.stream().mapToInt(RecordingSequenceListener.Reported::sequences).max())
                .hasValue(REQUESTS);
        assertThat(shared.calls).allSatisfy(call -> assertThat(call.rows() % 8).isZero());
    }

    /** Request {@code i}: its own prompt (its id first) and length. */
    private static SequenceRequest requestNumber(int i) {
        int[] prompt = new int[1 + i % 5];
        prompt[0] = i + 1;
        for (int j = 1; j < prompt.length; j++) {
            prompt[j] = (i * 7 + j) % ChainModel.VOCABULARY;
        }
        return request(5 + i % 11, prompt);
    }

    private static ContinuousBatcher.Builder padded(ChainModel model, int maxActive) {
        return ContinuousBatcher.builder()
                .setName("padding-test")
                .setModels(List.of(model))
                .setMaxActive(maxActive)
                .setQueueCapacity(REQUESTS)
                .optRowMultiple(8);
    }
}
