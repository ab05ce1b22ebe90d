package io.genstream.app.runtime;

import io.genstream.app.runtime.BatchQueue.Pending;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker thread's loop: take a due batch, run it on this worker's own handler, complete its futures.
 * A failing batch fails only its own futures; the loop goes on until the queue is closed or the thread is
 * interrupted (by {@link DynamicBatcher#close()} when a batch outlives the close timeout).
 */
final class BatchWorker<I, O> implements WorkerPool.Worker {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWorker.class);

    private final String batcherName;
    private final BatchQueue<I, Batched<O>> queue;
    private final BatchHandler<I, O> handler;
    private final BatcherListener listener;
    /** The batch being run, so close() can fail it if the handler never returns. */
    private volatile List<Pending<I, Batched<O>>> inFlight = List.of();

    BatchWorker(String batcherName, BatchQueue<I, Batched<O>> queue, BatchHandler<I, O> handler,
            BatcherListener listener) {
        this.batcherName = batcherName;
        this.queue = queue;
        this.handler = handler;
        this.listener = listener;
    }

    @Override
    public void run() {
        try {
            for (List<Pending<I, Batched<O>>> batch = queue.takeBatch(); !batch.isEmpty(); batch = queue.takeBatch()) {
                run(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() gave up waiting; just stop
        }
    }

    @Override
    public void failInFlight(RuntimeException reason) {
        for (Pending<I, Batched<O>> pending : inFlight) {
            pending.future().completeExceptionally(reason);
        }
    }

    private void run(List<Pending<I, Batched<O>>> batch) {
        inFlight = batch;
        int size = batch.size();
        List<I> inputs = new ArrayList<>(size);
        for (Pending<I, Batched<O>> pending : batch) {
            inputs.add(pending.item());
        }
        long start = System.nanoTime();
        List<O> outputs = null;
        Throwable failure = null;
        try {
            outputs = handler.process(inputs);
            if (outputs == null || outputs.size() != size) {
                throw new IllegalStateException("handler returned "
                        + (outputs == null ? "null" : outputs.size() + " outputs") + " for " + size + " inputs");
            }
        } catch (Throwable t) { // whatever the handler did, its callers must hear about it
            failure = t;
        }
        long inferenceNanos = System.nanoTime() - start;
        if (failure == null) {
            queue.called(inferenceNanos);
        }
        // Before the futures complete, so whoever sees a result also sees its batch in the metrics.
        notifyListener(size, start - batch.get(0).enqueuedNanos(), inferenceNanos, failure);
        if (failure == null) {
            for (int i = 0; i < size; i++) {
                Pending<I, Batched<O>> pending = batch.get(i);
                pending.future().complete(new Batched<>(
                        outputs.get(i), size, millis(start - pending.enqueuedNanos()), millis(inferenceNanos)));
            }
        } else {
            BatchFailedException failed = new BatchFailedException(batcherName, size, failure);
            for (Pending<I, Batched<O>> pending : batch) {
                pending.future().completeExceptionally(failed);
            }
        }
        inFlight = List.of();
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt(); // so the next takeBatch() ends this worker
        } else if (failure instanceof VirtualMachineError error) {
            throw error; // the JVM is in trouble; this worker must not carry on as if nothing happened
        }
    }

    private void notifyListener(int size, long queueNanosOldest, long inferenceNanos, Throwable failure) {
        try {
            listener.onBatch(size, queueNanosOldest, inferenceNanos);
            if (failure != null) {
                listener.onBatchFailed(size, failure);
            }
        } catch (RuntimeException e) {
            // A broken metrics hook must not stop generation or keep results from their callers.
            LOG.warn("batcher '{}': listener failed", batcherName, e);
        }
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
