package io.genstream.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyTest {

    @Test
    void percentilesCountOnlyRequestsMadeAfterTheWarmUpAndSplitTheTimeInParts() {
        List<ContentMeter.Output> outputs = new ArrayList<>();
        // Made during the warm-up (createdAt < 1000): slow, and left out.
        outputs.add(new ContentMeter.Output("l-0", 0, 1900, 500, 1500, 900, 50));
        // 100 steady outputs: latency 1..100 ms, of which queue 0.5 ms and model call 2 ms.
        for (int i = 1; i <= 100; i++) {
            outputs.add(new ContentMeter.Output("l-" + i, 0, 2000 + i + 40, 2000, 2000 + i, 0.5, 2.0));
        }

        Latency latency = Latency.of(outputs, 1000, 50, 101, 10, new BatchMeters(10, 20, 100), CommitMeters.NONE);

        assertThat(latency.measured()).isEqualTo(100);
        assertThat(latency.p50Ms()).isEqualTo(50);
        assertThat(latency.p99Ms()).isEqualTo(99);
        assertThat(latency.maxMs()).isEqualTo(100);
        assertThat(latency.visibleP50Ms()).as("read_committed adds the 40 ms commit wait").isEqualTo(90);
        assertThat(latency.parts().queueP99Ms()).isEqualTo(0.5);
        assertThat(latency.parts().inferenceP50Ms()).isEqualTo(2.0);
        assertThat(latency.parts().restP50Ms()).isEqualTo(50 - 2.5);
        assertThat(latency.batches().meanCallMs()).isEqualTo(2.0);
        assertThat(latency.batches().meanBatchSize()).isEqualTo(10.0);
    }

    @Test
    void eachQuarterOfTheRequestsByCreationGetsItsOwnP99() {
        List<ContentMeter.Output> outputs = new ArrayList<>();
        // 400 requests made 1 ms apart, listed newest first; quarter q (by createdAt) takes 100 − 20·q ms,
        // except two slow requests of 500 ms in the second quarter.
        for (int i = 399; i >= 0; i--) {
            long created = 10_000 + i;
            long latency = i == 150 || i == 151 ? 500 : 100 - 20L * (i / 100);
            outputs.add(new ContentMeter.Output("l-" + i, 0, created + latency, created, created + latency, 0, 1));
        }

        Latency latency = Latency.of(outputs, 0, 400, 400, 1, new BatchMeters(1, 1, 1), CommitMeters.NONE);

        // Nearest rank 99 of 100 per quarter: the two slow requests show in their own quarter only.
        assertThat(latency.p99ByQuarterMs()).containsExactly(100.0, 500.0, 60.0, 40.0);
        assertThat(latency.p99Ms()).isEqualTo(100);
    }
}
