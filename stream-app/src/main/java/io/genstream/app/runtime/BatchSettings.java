package io.genstream.app.runtime;

import java.time.Duration;

/**
 * How one model version batches: the most items per model call, the longest an item waits for
 * company, and the bound on queued items (beyond it submitters get a capacity error).
 *
 * @param maxBatchSize most items in one model call
 * @param maxBatchDelay longest wait of the oldest queued item before a partial batch runs
 * @param queueCapacity most items queued per model version
 */
public record BatchSettings(int maxBatchSize, Duration maxBatchDelay, int queueCapacity) {

    public BatchSettings {
        if (maxBatchSize < 1 || queueCapacity < maxBatchSize || maxBatchDelay.isNegative()) {
            throw new IllegalArgumentException("need maxBatchSize ≥ 1, queueCapacity ≥ maxBatchSize, maxBatchDelay ≥ 0: "
                    + maxBatchSize + ", " + queueCapacity + ", " + maxBatchDelay);
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
                .setHandlers(instances)
                .optListener(listener)
                .build();
    }
}
