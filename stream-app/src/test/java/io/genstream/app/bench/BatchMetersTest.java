package io.genstream.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.runtime.BatcherListener;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The bench reads the batcher meters the service registers, whatever their tags. */
class BatchMetersTest {

    @Test
    void readsTheCallsOfOneModelVersionFromItsBatcherMeters() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GenstreamMetrics metrics = new GenstreamMetrics(registry);
        BatcherListener v1 = metrics.batcher("digits-gan@1");
        BatcherListener v2 = metrics.batcher("digits-gan@2");
        v1.onBatch(4, 1_000, 2_000_000);
        v1.onBatch(6, 1_000, 4_000_000);
        v2.onBatch(100, 1_000, 9_000_000);

        BatchMeters read = BatchMeters.read(registry, "digits-gan@1");

        assertThat(read.calls()).isEqualTo(2);
        assertThat(read.items()).isEqualTo(10.0);
        assertThat(read.meanCallMs()).isEqualTo(3.0);
        assertThat(BatchMeters.read(registry, "digits-vae@1").calls()).isZero();
    }
}
