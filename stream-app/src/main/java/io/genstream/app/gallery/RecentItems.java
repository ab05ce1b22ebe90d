package io.genstream.app.gallery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A ring of the latest items, newest first: memory stays bounded however long the service runs. */
public final class RecentItems {

    private final int capacity;
    private final Deque<GalleryItem> items;

    public RecentItems(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.items = new ArrayDeque<>(capacity);
    }

    public synchronized void add(GalleryItem item) {
        if (items.size() == capacity) {
            items.removeLast();
        }
        items.addFirst(item);
    }

    /** The items kept, newest first. */
    public synchronized List<GalleryItem> latest() {
        return new ArrayList<>(items);
    }
}
