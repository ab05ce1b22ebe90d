package io.genstream.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void evenArrivalsGiveTheirRateOverTheStepsAfterWarmUp() {
        List<Long> arrivals = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            arrivals.add(5 * SECOND + i * SECOND / 100); // 100 per second, from 5 s after start
        }

        Throughput t = Throughput.of(arrivals, 0);

        assertThat(t.samplesPerSecond()).isCloseTo(100, within(1e-6));
        assertThat(t.events()).isEqualTo(1000);
        assertThat(t.windowSeconds()).isCloseTo(8.99, within(1e-9)); // from output 100 to output 999
        assertThat(t.phaseSeconds()).isCloseTo(14.99, within(1e-9));
        assertThat(t.lastHalfSamplesPerSecond()).isCloseTo(100, within(1e-6));
    }

    @Test
    void aRateStillClimbingShowsInTheLastHalf() {
        List<Long> arrivals = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            arrivals.add(i * SECOND / 50); // 50 per second for 10 s
        }
        for (int i = 0; i < 500; i++) {
            arrivals.add(10 * SECOND + (i + 1) * SECOND / 100); // then 100 per second for 5 s
        }

        Throughput t = Throughput.of(arrivals, 0);

        assertThat(t.lastHalfSamplesPerSecond()).isCloseTo(100, within(1e-6));
        assertThat(t.samplesPerSecond()).isLessThan(80);
    }

    @Test
    void burstsOfOneCommitCountFromTheEndOfTheOpeningBurst() {
        // 10 commits, 0.1 s apart, 100 outputs each: 1000 outputs per second.
        List<Long> arrivals = new ArrayList<>();
        for (int commit = 0; commit < 10; commit++) {
            for (int i = 0; i < 100; i++) {
                arrivals.add(commit * SECOND / 10);
            }
        }

        Throughput t = Throughput.of(arrivals, 0);

        // Warm-up ends in commit 1 (output 100); commits 2..9 = 800 outputs in 0.8 s.
        assertThat(t.samplesPerSecond()).isCloseTo(1000, within(1e-6));
        assertThat(t.windowSeconds()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void aRateNeedsOutputsSpreadOverTime() {
        assertThatThrownBy(() -> Throughput.of(List.of(5L), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Throughput.of(List.of(5L, 5L, 5L), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
