package io.genstream.app.runtime;

/**
 * The batcher is closed: thrown by a submit after {@link DynamicBatcher#close()}, and used to fail the futures of
 * items that were still queued (or stuck in a batch past the close timeout) when it closed.
 */
public class BatcherClosedException extends IllegalStateException {

    public BatcherClosedException(String message) {
        super(message);
    }
}
