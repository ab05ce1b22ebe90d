package io.genstream.app.runtime;

/**
 * The batcher's queue has no room for the submitted items. Thrown at once, instead of blocking the submitting
 * stream thread or letting the queue grow; the caller decides whether to retry later or reject the request.
 */
public class CapacityExceededException extends RuntimeException {

    private final String batcherName;
    private final int capacity;
    private final int requested;

    public CapacityExceededException(String batcherName, int capacity, int queued, int requested) {
        super("batcher '" + batcherName + "' is full: " + queued + " of " + capacity
                + " items queued, no room for " + requested + " more");
        this.batcherName = batcherName;
        this.capacity = capacity;
        this.requested = requested;
    }

    public String batcherName() {
        return batcherName;
    }

    /** The most items the queue holds. */
    public int capacity() {
        return capacity;
    }

    /** How many items the refused call tried to enqueue. */
    public int requested() {
        return requested;
    }
}
