package io.genstream.app.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A quantile of every timer of one name taken together (e.g. p99 over all model versions), read from their
 * cumulative histogram buckets as Prometheus's {@code histogram_quantile} would: the upper bound of the first
 * bucket holding the quantile, so it is an upper estimate, never an underestimate.
 */
public final class HistogramQuantile {

    private HistogramQuantile() {}

    /** The quantile in milliseconds, or empty when the timers recorded nothing (or have no histogram). */
    public static OptionalDouble millis(MeterRegistry registry, String timerName, double quantile) {
        Map<Double, Double> cumulative = new TreeMap<>();
        long total = 0;
        for (Timer timer : registry.find(timerName).timers()) {
            var snapshot = timer.takeSnapshot();
            total += snapshot.count();
            for (CountAtBucket bucket : snapshot.histogramCounts()) {
                cumulative.merge(bucket.bucket(TimeUnit.MILLISECONDS), bucket.count(), Double::sum);
            }
        }
        double rank = quantile * total;
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (total > 0 && bucket.getValue() >= rank) {
                return OptionalDouble.of(bucket.getKey());
            }
        }
        return OptionalDouble.empty();
    }
}
