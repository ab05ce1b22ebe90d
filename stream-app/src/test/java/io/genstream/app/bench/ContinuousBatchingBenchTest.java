package io.genstream.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.runtime.ChainModel;
import io.genstream.app.runtime.GreedyChooser;
import io.genstream.app.runtime.SequenceRequest;
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
                new ChainModel(64), 8, 8, REQUESTS, ContinuousBatchingBenchTest::request);

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

    private static SequenceRequest request(int i) {
        return GreedyChooser.request(3 + i, i + 1, 2, 3);
    }
}
