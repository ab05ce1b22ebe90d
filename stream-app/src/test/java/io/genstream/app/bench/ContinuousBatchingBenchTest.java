package io.genstream.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.runtime.ChainModel;
import io.genstream.app.runtime.GreedyChooser;
import io.genstream.app.runtime.SequenceRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The generation bench counts the same work in both runs and reports how much it was shared; it times nothing. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ContinuousBatchingBenchTest {

    private static final int REQUESTS = 12;

    @Test
    void bothRunsGenerateTheSameTokensAndOnlyTheContinuousOneSharesSteps() throws Exception {
        ContinuousBatchingBench.Comparison comparison = ContinuousBatchingBench.compare(
                new ChainModel(64), 8, 8, REQUESTS / 2, 2, ContinuousBatchingBenchTest::request);

        long expectedTokens = 0;
        for (int i = 0; i < REQUESTS; i++) {
            expectedTokens += 3 + i;
        }
        for (GenerationRun run : new GenerationRun[] {comparison.continuous(), comparison.oneAtATime()}) {
            assertThat(run.requests()).isEqualTo(REQUESTS);
            assertThat(run.tokens()).isEqualTo(expectedTokens);
            assertThat(run.tokensPerSecond()).isEqualTo(run.tokens() / run.seconds());
            assertThat(run.completeP50Ms()).isLessThanOrEqualTo(run.completeP99Ms());
            assertThat(run.firstTokenP50Ms()).isLessThanOrEqualTo(run.completeP50Ms());
        }
        assertThat(comparison.oneAtATime().maxActive()).isEqualTo(1);
        assertThat(comparison.oneAtATime().meanSequencesPerStep()).isEqualTo(1.0);
        assertThat(comparison.continuous().maxActive()).isEqualTo(8);
        assertThat(comparison.continuous().meanSequencesPerStep()).isGreaterThan(1.0).isLessThanOrEqualTo(8.0);
        assertThat(comparison.speedup()).isEqualTo(
                comparison.continuous().tokensPerSecond() / comparison.oneAtATime().tokensPerSecond());
    }

    /**
     * The two runs take turns burst by burst, the one-at-a-time run first and then second: every call for the first
     * burst's requests, in both runs, comes before any call for the second burst's.
     */
    @Test
    void theRunsTakeTurnsBurstByBurst() throws Exception {
        ChainModel model = new ChainModel(64);
        int perBurst = 4;
        ContinuousBatchingBench.compare(model, 4, 1, perBurst, 2, ContinuousBatchingBenchTest::request);

        // Request i has id i + 1: burst 0 holds ids 1–4, burst 1 ids 5–8. A call never mixes the two.
        List<String> turns = new ArrayList<>();
        for (ChainModel.Call call : model.calls) {
            boolean firstBurst = call.ids().get(0) <= perBurst;
            assertThat(call.ids()).allSatisfy(id -> assertThat(id <= perBurst).isEqualTo(firstBurst));
            String turn = (firstBurst ? "burst 0 " : "burst 1 ") + (call.ids().size() == 1 ? "single" : "shared");
            if (turns.isEmpty() || !turns.get(turns.size() - 1).equals(turn)) {
                turns.add(turn);
            }
        }
        // The batched run's last calls of a burst may hold one sequence (the longest), so only a turn's start counts.
        assertThat(turns.get(0)).isEqualTo("burst 0 single");
        assertThat(turns.get(1)).isEqualTo("burst 0 shared");
        assertThat(turns).filteredOn(t -> t.startsWith("burst 1")).first().isEqualTo("burst 1 shared");
        assertThat(turns.get(turns.size() - 1)).isEqualTo("burst 1 single");
    }

    /**
     * The closed loop keeps its requests in flight: a request submitted after an earlier one finished is stepped
     * together with requests still running from the start, and no call ever holds more than the loop's width. The
     * model is slowed (each call waits for a pacer thread) so that the loop, woken by a finish, submits the next
     * request long before the running ones end.
     */
    @Test
    void theSteadyRunReplacesEachFinishedRequestWhileTheOthersRun() throws Exception {
        int inFlight = 4;
        int requests = 10;
        ChainModel model = new ChainModel(128).gated();
        Thread pacer = new Thread(() -> {
            try {
                while (true) {
                    model.release(1);
                    Thread.sleep(2);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pacer");
        pacer.setDaemon(true);
        pacer.start();
        GenerationRun run;
        try {
            run = ContinuousBatchingBench.steady(model, inFlight, 1, requests, i -> spaced(i));
        } finally {
            pacer.interrupt();
        }

        long expectedTokens = 0;
        for (int i = 0; i < requests; i++) {
            expectedTokens += 10 + 4 * i;
        }
        assertThat(run.requests()).isEqualTo(requests);
        assertThat(run.tokens()).isEqualTo(expectedTokens);
        assertThat(run.maxActive()).isEqualTo(inFlight);
        assertThat(model.calls).allSatisfy(call -> assertThat(call.rows()).isLessThanOrEqualTo(inFlight));
        // Request 4 (id 5) joins when request 0 (10 tokens) ends, while request 3 (id 4, 22 tokens) still runs.
        assertThat(model.calls).anySatisfy(call -> assertThat(call.ids()).contains(4, 5));
    }

    private static SequenceRequest spaced(int i) {
        return GreedyChooser.request(10 + 4 * i, i + 1, 2, 3);
    }

    private static SequenceRequest request(int i) {
        return GreedyChooser.request(3 + i, i + 1, 2, 3);
    }
}
