package io.genstream.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HistogramQuantileTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private Timer timer(String model) {
        return Timer.builder("t").tag("model", model).publishPercentileHistogram().register(registry);
    }

    @Test
    void p99OverEveryTimerOfTheNameIsTheBucketHoldingTheSlowestPercent() {
        Timer a = timer("a");
        Timer b = timer("b");
        for (int i = 0; i < 99; i++) {
            a.record(Duration.ofMillis(5));
        }
        b.record(Duration.ofSeconds(3));
        b.record(Duration.ofSeconds(3));

        double p99 = HistogramQuantile.millis(registry, "t", 0.99).orElseThrow();
        double p50 = HistogramQuantile.millis(registry, "t", 0.50).orElseThrow();

        // 2 of 101 took 3 s, so p99 lies in the 3-second bucket; p50 in the 5 ms one (bucket upper bounds)
        assertThat(p99).isBetween(3_000.0, 3_600.0);
        assertThat(p50).isBetween(5.0, 6.0);
    }

    @Test
    void nothingRecordedHasNoQuantile() {
        timer("a");
        assertThat(HistogramQuantile.millis(registry, "t", 0.99)).isEmpty();
        assertThat(HistogramQuantile.millis(registry, "absent", 0.99)).isEmpty();
    }
}
