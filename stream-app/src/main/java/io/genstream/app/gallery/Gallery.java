package io.genstream.app.gallery;

import io.genstream.avro.GeneratedContent;
import java.util.function.Consumer;

/** Watches the items genstream emits: keeps the latest ones and the per-version time series. */
public final class Gallery implements Consumer<GeneratedContent> {

    /** Charts show two minutes in two-second buckets. */
    static final long BUCKET_MILLIS = 2_000;
    static final int BUCKETS = 60;
    static final int MAX_VERSIONS = 16;

    /** Images and texts in rings of their own, so the many images never push the few texts off the page. */
    private final RecentItems images;
    private final RecentItems texts;
    private final VersionSeries series = new VersionSeries(BUCKET_MILLIS, BUCKETS, MAX_VERSIONS);

    /** @param size how many of the latest images the page shows; a quarter as many texts (at least one) */
    public Gallery(int size) {
        this.images = new RecentItems(size);
        this.texts = new RecentItems(Math.max(1, size / 4));
    }

    @Override
    public void accept(GeneratedContent content) {
        GalleryItem item = GalleryItem.of(content);
        (item.isImage() ? images : texts).add(item);
        series.add(item);
    }

    public RecentItems images() {
        return images;
    }

    public RecentItems texts() {
        return texts;
    }

    public VersionSeries series() {
        return series;
    }
}
