package io.genstream.app.runtime;

/**
 * Completes the future of every item in a batch whose handler threw (the cause) or returned the wrong number of
 * outputs. One item can poison a whole model call, so the caller sees the batch size to judge the blast radius.
 */
public class BatchFailedException extends RuntimeException {

    private final String batcherName;
    private final int batchSize;

    public BatchFailedException(String batcherName, int batchSize, Throwable cause) {
        super("batcher '" + batcherName + "': batch of " + batchSize + " items failed: " + cause, cause);
        this.batcherName = batcherName;
        this.batchSize = batchSize;
    }

    public String batcherName() {
        return batcherName;
    }

    public int batchSize() {
        return batchSize;
    }
}
