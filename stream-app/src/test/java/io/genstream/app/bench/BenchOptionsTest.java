package io.genstream.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsMeasureThirtySecondsAPhaseAtTheUsualBatchSizes() {
        BenchOptions options = BenchOptions.from(Map.of("batch.max.size", "64"));

        assertThat(options.json()).isNull();
        assertThat(options.phase()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.latencyDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.limitBatchSizes()).containsExactly(1, 8, 32, 64, 128, 256);
        assertThat(options.baselineEvents()).isZero();
        assertThat(options.genstreamEvents()).isZero();
        assertThat(options.warmUp()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theWarmUpIsSetInSecondsAndZeroTurnsItOff() {
        assertThat(BenchOptions.from(Map.of("warm-up", "45")).warmUp()).isEqualTo(Duration.ofSeconds(45));
        assertThat(BenchOptions.from(Map.of("warm-up", "0")).warmUp()).isZero();
        assertThatThrownBy(() -> BenchOptions.from(Map.of("warm-up", "-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--warm-up");
    }

    @Test
    void benchFlagsAreReadAndTheLatencyPhaseFollowsThePhaseLength() {
        BenchOptions options = BenchOptions.from(Map.of(
                "json", "/tmp/b.json", "duration-per-phase", "12", "limit-batch-sizes", "1, 16,128",
                "baseline-events", "3000", "genstream-events", "9000"));

        assertThat(options.json()).isEqualTo(Path.of("/tmp/b.json"));
        assertThat(options.phase()).isEqualTo(Duration.ofSeconds(12));
        assertThat(options.latencyDuration()).isEqualTo(Duration.ofSeconds(12));
        assertThat(options.limitBatchSizes()).isEqualTo(List.of(1, 16, 128));
        assertThat(options.baselineEvents()).isEqualTo(3000);
        assertThat(options.genstreamEvents()).isEqualTo(9000);
        assertThat(BenchOptions.from(Map.of("latency-duration", "5")).latencyDuration())
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void badValuesAreRefusedWithTheFlagsName() {
        assertThatThrownBy(() -> BenchOptions.from(Map.of("duration-per-phase", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--duration-per-phase");
        assertThatThrownBy(() -> BenchOptions.from(Map.of("limit-batch-sizes", "1,x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--limit-batch-sizes");
        assertThatThrownBy(() -> BenchOptions.from(Map.of("limit-batch-sizes", "0")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.from(Map.of("genstream-events", "-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventCountsAreSizedToThePhaseUnlessGiven() {
        Duration phase = Duration.ofSeconds(30);

        assertThat(BenchCommand.events(0, 1000, phase)).isEqualTo(18_000); // 0.6 × 1000/s × 30 s
        assertThat(BenchCommand.events(0, 10, phase)).isEqualTo(BenchCommand.MIN_EVENTS);
        assertThat(BenchCommand.events(500, 1000, phase)).isEqualTo(500);
    }
}
