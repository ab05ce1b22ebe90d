package io.genstream.app.runtime;

import java.time.Duration;

/**
 * How one model version batches: the most items per model call, the longest an item waits for
 * company, and the bound on queued items (beyond it submitters get a capacity error).
 *
 * @param maxBatchSize most items in one model call
 * @param maxBatchDelay longest wait of the oldest queued item before a partial batch runs
 * @param queueCapacity most items queued per model version
 * @param targetBusy a partial batch runs early once it would keep the instances busy at most this share of the
 *     time at the current load (0: it always waits {@code maxBatchDelay}); see {@link BatchPacing}
 */
public record BatchSettings(int maxBatchSize, Duration maxBatchDelay, int queueCapacity, double targetBusy) {

    public BatchSettings {
        if (maxBatchSize < 1 || queueCapacity < maxBatchSize || maxBatchDelay.isNegative()
                || !(targetBusy >= 0 && targetBusy <= 1)) {
            throw new IllegalArgumentException("need maxBatchSize ≥ 1, queueCapacity ≥ maxBatchSize, maxBatchDelay ≥ 0,"
                    + " 0 ≤ targetBusy ≤ 1: " + maxBatchSize + ", " + queueCapacity + ", " + maxBatchDelay + ", "
                    + targetBusy);
        }
    }

    /** A batcher with these settings over the given instance group. */
    public <I, O> DynamicBatcher<I, O> batcher(
            String name, java.util.List<? extends BatchHandler<I, O>> instances, BatcherListener listener) {
        return DynamicBatcher.<I, O>builder()
                .setName(name)
                .setMaxBatchSize(maxBatchSize)
                .setMaxBatchDelay(maxBatchDelay)
                .setQueueCapacity(queueCapacity)
                .optTargetBusy(targetBusy)
                .setHandlers(instances)
                .optListener(listener)
                .build();
    }
}
