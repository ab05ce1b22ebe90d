package io.genstream.app.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what a {@link DynamicBatcher} reports, for assertions; the metrics layer binds meters instead. */
final class RecordingListener implements BatcherListener {

    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    final List<Long> queueNanosOldest = new CopyOnWriteArrayList<>();
    final List<Integer> failedBatchSizes = new CopyOnWriteArrayList<>();
    final AtomicInteger rejected = new AtomicInteger();

    @Override
    public void onBatch(int size, long queueNanos, long inferenceNanos) {
        queueNanosOldest.add(queueNanos);
        batchSizes.add(size);
    }

    @Override
    public void onBatchFailed(int size, Throwable cause) {
        failedBatchSizes.add(size);
    }

    @Override
    public void onRejected() {
        rejected.incrementAndGet();
    }
}
