package io.genstream.app.runtime;

/**
 * Observes a {@link ContinuousBatcher} without tying this package to a metrics library: the metrics layer binds
 * one of these to its meters (every prefill and step row of a sequence yields one token, so the {@code sequences}
 * of {@link #onPrefill} and {@link #onStep} count tokens, for a tokens-per-second rate). Called on worker and
 * submitter threads, so implementations must be thread-safe and fast; an exception thrown here is logged and
 * ignored. Calls are reported before the futures they complete.
 */
public interface SequenceListener {

    /** Observes nothing. */
    SequenceListener NONE = new SequenceListener() {};

    /**
     * A prefill call ran, successfully or not.
     *
     * @param sequences the prompts in it
     * @param rows the rows the model computed: the sequences rounded up to the row multiple, and any spare rows it
     *     let ride along
     * @param nanos how long the model call took
     */
    default void onPrefill(int sequences, int rows, long nanos) {}

    /**
     * A step call ran, successfully or not.
     *
     * @param sequences the sequences it advanced by one token
     * @param rows the rows the model computed: the sequences rounded up to the row multiple, and any spare rows it
     *     let ride along
     * @param nanos how long the model call took
     */
    default void onStep(int sequences, int rows, long nanos) {}

    /** A prefill or step call threw or returned too few rows; its {@code sequences} have failed. */
    default void onCallFailed(int sequences, Throwable cause) {}

    /** A sequence finished (failed ones are not reported here). */
    default void onFinished(GeneratedSequence sequence) {}

    /** A submit was refused because the wait queue was full. */
    default void onRejected() {}
}
