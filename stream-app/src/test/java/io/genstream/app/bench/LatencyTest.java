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
}
