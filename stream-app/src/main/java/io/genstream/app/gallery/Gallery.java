package io.genstream.app.gallery;

import io.genstream.avro.GeneratedContent;
import java.util.function.Consumer;

/** Watches the items genstream emits: keeps the latest ones and the per-version time series. */
public final class Gallery implements Consumer<GeneratedContent> {

    /** Charts show two minutes in two-second buckets. */
    static final long BUCKET_MILLIS = 2_000;
    static final int BUCKETS = 60;
    static final int MAX_VERSIONS = 16;

    private final RecentItems recent;
    private final VersionSeries series = new VersionSeries(BUCKET_MILLIS, BUCKETS, MAX_VERSIONS);

    /** @param size how many of the latest items the page shows */
    public Gallery(int size) {
        this.recent = new RecentItems(size);
    }

    @Override
    public void accept(GeneratedContent content) {
        GalleryItem item = GalleryItem.of(content);
        recent.add(item);
        series.add(item);
    }

    public RecentItems recent() {
        return recent;
    }

    public VersionSeries series() {
        return series;
    }
}
