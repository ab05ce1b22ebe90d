package io.genstream.app.runtime;

import static io.genstream.app.runtime.ContinuousBatchers.unpadded;
import static io.genstream.app.runtime.Futures.await;
import static io.genstream.app.runtime.GreedyChooser.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.genstream.app.runtime.TokenChooser.Choice;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** When a sequence ends, what its chooser sees on the way, and what its result reports. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ContinuousBatcherStopTest {

    @Test
    void sequenceStopsOnceItHoldsTheModelsMaxLength() throws Exception {
        ChainModel model = new ChainModel(10);
        try (ContinuousBatcher batcher = unpadded("max-length-test", 4, model).build()) {
            List<CompletableFuture<GeneratedSequence>> futures = batcher.submitAll(List.of(
                    request(Integer.MAX_VALUE, 1, 2, 3, 4), request(Integer.MAX_VALUE, 2, 2, 2, 2, 2, 2, 2, 2, 2)));

            GeneratedSequence fromFour = await(futures.get(0));
            assertThat(fromFour.finish()).isEqualTo(FinishReason.MAX_LENGTH);
            assertThat(fromFour.tokens()).containsExactly(ChainModel.greedy(new int[] {1, 2, 3, 4}, 6));
            assertThat(fromFour.steps()).isEqualTo(5);
            GeneratedSequence fromNine = await(futures.get(1));
            assertThat(fromNine.finish()).isEqualTo(FinishReason.MAX_LENGTH);
            assertThat(fromNine.tokens()).hasSize(1);
            assertThat(fromNine.steps()).isZero();
            // The model checks every position it is fed against maxLength, so none went beyond it.
            assertThat(model.calls).flatMap(ChainModel.Call::positions).allSatisfy(p -> assertThat(p).isLessThan(10));
        }
    }

    @Test
    void chooserGetsTheLogitsOfEveryPositionOnceInOrderOnOneThread() throws Exception {
        ChainModel model = new ChainModel(64);
        GreedyChooser chooser = new GreedyChooser(12);
        int[] prompt = {4, 8, 1};
        try (ContinuousBatcher batcher = unpadded("chooser-test", 4, model).build()) {
            List<CompletableFuture<GeneratedSequence>> futures = batcher.submitAll(List.of(
                    new SequenceRequest(prompt, chooser), request(5, 7), request(20, 9, 9)));
            int[] tokens = await(futures.get(0)).tokens();
            for (CompletableFuture<GeneratedSequence> other : futures) {
                await(other);
            }

            assertThat(chooser.seen).hasSize(12);
            int hash = ChainModel.hashOf(prompt, prompt.length);
            for (int i = 0; i < 12; i++) {
                assertThat(chooser.seen.get(i)).as("logits of generated token %d", i)
                        .containsExactly(ChainModel.logits(hash));
                hash = ChainModel.hash(hash, tokens[i]);
            }
            assertThat(chooser.threads).singleElement().asString().startsWith("chooser-test-worker-");
        }
    }

    @Test
    void resultReportsTheChoosersFinishReasonLogProbabilitiesAndTimings() throws Exception {
        ChainModel model = new ChainModel(64);
        try (ContinuousBatcher batcher = unpadded("result-test", 4, model).build()) {
            List<CompletableFuture<GeneratedSequence>> futures = batcher.submitAll(List.of(
                    new SequenceRequest(new int[] {1}, finishingAt(3, FinishReason.END, true)),
                    new SequenceRequest(new int[] {2}, finishingAt(2, FinishReason.STOP, false)),
                    request(4, 3)));

            GeneratedSequence ended = await(futures.get(0));
            assertThat(ended.finish()).isEqualTo(FinishReason.END);
            int[] tokens = ChainModel.greedy(new int[] {1}, 3);
            assertThat(ended.tokens()).containsExactly(tokens);
            assertThat(ended.logProbSum()).isCloseTo(logProbs(new int[] {1}, tokens), within(1e-9));
            assertThat(ended.meanSequences()).isEqualTo((3 + 3 + 2) / 3.0); // three, three, then two in the step
            assertThat(ended.queueMs()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(ended.firstTokenMs());
            assertThat(ended.firstTokenMs()).isLessThanOrEqualTo(ended.totalMs());

            GeneratedSequence stopped = await(futures.get(1));
            assertThat(stopped.finish()).isEqualTo(FinishReason.STOP);
            assertThat(stopped.logProbSum()).isNaN(); // its chooser reported none
            assertThat(await(futures.get(2)).finish()).isEqualTo(FinishReason.MAX_TOKENS);
        }
    }

    /** A greedy chooser that ends the sequence with {@code why} at its {@code n}-th token. */
    private static TokenChooser finishingAt(int n, FinishReason why, boolean reportLogProb) {
        int[] calls = {0};
        return logits -> {
            int token = ChainModel.argmax(logits);
            double logProb = reportLogProb ? GreedyChooser.logProb(logits, token) : Double.NaN;
            return ++calls[0] == n ? Choice.last(token, logProb, why) : Choice.next(token, logProb);
        };
    }

    /** The sum of the log-softmax of each of {@code tokens} after {@code prompt}, computed without the runtime. */
    private static double logProbs(int[] prompt, int[] tokens) {
        int hash = ChainModel.hashOf(prompt, prompt.length);
        double sum = 0;
        for (int token : tokens) {
            sum += GreedyChooser.logProb(ChainModel.logits(hash), token);
            hash = ChainModel.hash(hash, token);
        }
        return sum;
    }
}
