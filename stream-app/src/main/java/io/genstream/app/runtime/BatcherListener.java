package io.genstream.app.runtime;

/**
 * Observes a {@link DynamicBatcher} without tying this package to a metrics library: the metrics layer binds one
 * of these to its meters. Called on worker and submitter threads, so implementations must be thread-safe and fast.
 * A batch is reported before its futures complete, so a caller holding a result finds its batch already counted.
 */
public interface BatcherListener {

    /** Observes nothing. */
    BatcherListener NONE = new BatcherListener() {};

    /**
     * A batch was run, successfully or not.
     *
     * @param size how many items it held
     * @param queueNanosOldest how long its oldest item waited before the batch started
     * @param inferenceNanos how long the handler ran
     */
    default void onBatch(int size, long queueNanosOldest, long inferenceNanos) {}

    /** A batch's handler threw or returned the wrong number of outputs; its futures have failed. */
    default void onBatchFailed(int size, Throwable cause) {}

    /** A submit was refused because the queue was full. */
    default void onRejected() {}
}
