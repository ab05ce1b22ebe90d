package io.genstream.app.gallery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per model version, fixed-length buckets of emit time holding items out, latency and quality, plus totals
 * since start. Bounded: the newest {@code buckets} buckets of at most {@code maxVersions} model versions.
 */
public final class VersionSeries {

    /** One bucket as the charts read it; {@code meanQuality} is NaN when no item carried a quality score. */
    public record Point(long startMillis, long items, double itemsPerSecond, double meanLatencyMs,
            double meanQuality) {}

    /** Everything a model version emitted since start. */
    public record Totals(long items, double meanLatencyMs, double meanQuality) {}

    private static final class Sums {
        final long start;
        long items;
        double latencyMs;
        double quality;
        long qualityItems;

        Sums(long start) {
            this.start = start;
        }

        void add(GalleryItem item) {
            items++;
            latencyMs += item.latencyMs();
            item.quality().ifPresent(q -> {
                quality += q;
                qualityItems++;
            });
        }

        double meanQuality() {
            return qualityItems == 0 ? Double.NaN : quality / qualityItems;
        }
    }

    private final long bucketMillis;
    private final int buckets;
    private final int maxVersions;
    private final Map<String, Deque<Sums>> byVersion = new TreeMap<>();
    private final Map<String, Sums> totals = new TreeMap<>();

    public VersionSeries(long bucketMillis, int buckets, int maxVersions) {
        if (bucketMillis < 1 || buckets < 1 || maxVersions < 1) {
            throw new IllegalArgumentException("bucket length, bucket count and versions must be positive");
        }
        this.bucketMillis = bucketMillis;
        this.buckets = buckets;
        this.maxVersions = maxVersions;
    }

    public synchronized void add(GalleryItem item) {
        String id = item.modelId();
        if (!byVersion.containsKey(id) && byVersion.size() == maxVersions) {
            return; // more versions than the page can chart: the first ones seen stay
        }
        Deque<Sums> series = byVersion.computeIfAbsent(id, k -> new ArrayDeque<>());
        totals.computeIfAbsent(id, k -> new Sums(0)).add(item);
        long start = Math.floorDiv(item.emittedAt(), bucketMillis) * bucketMillis;
        if (series.isEmpty() || series.peekLast().start < start) {
            series.addLast(new Sums(start));
            if (series.size() > buckets) {
                series.removeFirst();
            }
        }
        for (Iterator<Sums> newestFirst = series.descendingIterator(); newestFirst.hasNext(); ) {
            Sums bucket = newestFirst.next();
            if (bucket.start == start) {
                bucket.add(item);
                return;
            }
            if (bucket.start < start) {
                return; // a gap bucket that was never opened: the item is too late to chart
            }
        }
    }

    /** Per model version (sorted by id), its buckets oldest first. */
    public synchronized Map<String, List<Point>> points() {
        Map<String, List<Point>> out = new LinkedHashMap<>();
        byVersion.forEach((id, series) -> {
            List<Point> points = new ArrayList<>(series.size());
            for (Sums b : series) {
                points.add(new Point(b.start, b.items, b.items * 1000.0 / bucketMillis, b.latencyMs / b.items,
                        b.meanQuality()));
            }
            out.put(id, points);
        });
        return out;
    }

    /** Per model version (sorted by id), what it emitted since start. */
    public synchronized Map<String, Totals> totals() {
        Map<String, Totals> out = new LinkedHashMap<>();
        totals.forEach((id, t) -> out.put(id, new Totals(t.items, t.latencyMs / t.items, t.meanQuality())));
        return out;
    }
}
