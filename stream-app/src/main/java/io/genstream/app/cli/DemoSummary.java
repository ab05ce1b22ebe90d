package io.genstream.app.cli;

import io.genstream.app.gallery.GalleryItem;
import io.genstream.app.gallery.VersionSeries;
import io.genstream.app.http.Observability;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.metrics.HistogramQuantile;
import io.genstream.app.metrics.ModelTags;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** The demo's closing summary: items, rate, p99 latency, dead letters, and quality per model version. */
final class DemoSummary {

    private DemoSummary() {}

    static void print(PrintStream out, Observability ops, long items, long deadLetters, double seconds) {
        MeterRegistry registry = ops.metrics().registry();
        OptionalDouble p99 = HistogramQuantile.millis(registry, GenstreamMetrics.END_TO_END, 0.99);
        out.printf(Locale.ROOT, "Summary: %d items generated in %.1f s (%.1f items/s), p99 latency %s"
                        + " (request created to item emitted), %d dead letters%n",
                items, seconds, items / Math.max(1e-3, seconds),
                p99.isPresent() ? String.format(Locale.ROOT, "≤ %.0f ms", p99.getAsDouble()) : "n/a", deadLetters);
        out.printf("Per model version (quality: the first of %s an item has):%n",
                String.join(", ", GalleryItem.QUALITY_SCORES));
        for (Map.Entry<String, VersionSeries.Totals> e : ops.gallery().series().totals().entrySet()) {
            VersionSeries.Totals t = e.getValue();
            out.printf(Locale.ROOT, "  %-18s %6d items, mean latency %6.0f ms, mean quality %.3f%s%n", e.getKey(),
                    t.items(), t.meanLatencyMs(), t.meanQuality(), lastWindow(registry, e.getKey()));
        }
    }

    /** The last closed quality window's figures of a model version, when one closed during the demo. */
    private static String lastWindow(MeterRegistry registry, String modelId) {
        Map<String, Double> figures = new TreeMap<>();
        for (Gauge gauge : registry.find(GenstreamMetrics.QUALITY).tags(ModelTags.of(modelId)).gauges()) {
            String metric = gauge.getId().getTag("metric");
            if (Double.isFinite(gauge.value()) && !metric.startsWith("mean.")) { // the means are in the line already
                figures.put(metric, gauge.value());
            }
        }
        if (figures.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("; last quality window:");
        figures.forEach((metric, value) -> text.append(String.format(Locale.ROOT, " %s=%.3g", metric, value)));
        return text.toString();
    }
}
