package io.genstream.app.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The worker threads of one {@link DynamicBatcher}: one per handler, because a model instance (a DJL predictor)
 * is not thread-safe, and one thread per instance keeps every device busy without locking.
 */
final class WorkerPool<I, O> {

    private final String name;
    private final List<BatchWorker<I, O>> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    /** Starts one worker thread per handler, named {@code <name>-worker-<i>}. */
    WorkerPool(String name, BatchQueue<I, O> queue, List<BatchHandler<I, O>> handlers, BatcherListener listener) {
        this.name = name;
        for (BatchHandler<I, O> handler : handlers) {
            BatchWorker<I, O> worker = new BatchWorker<>(name, queue, handler, listener);
            Thread thread = new Thread(worker, name + "-worker-" + workers.size());
            thread.setDaemon(true); // a forgotten close() must not keep the JVM alive
            workers.add(worker);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    /**
     * Waits, up to {@code timeout} in all, for the workers to finish their batches and stop (the queue must be
     * closed first). A worker still busy after that has its batch's futures failed and is interrupted, so a hung
     * model call cannot hang shutdown nor leave its callers waiting forever.
     */
    void stop(Duration timeout) {
        long deadline = System.nanoTime() + TimeUnit.NANOSECONDS.convert(timeout);
        boolean interrupted = false;
        for (int i = 0; i < threads.size(); i++) {
            Thread thread = threads.get(i);
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                interrupted = true; // still fail and interrupt what is left, then restore the flag
            }
            if (thread.isAlive()) {
                workers.get(i).failInFlight(new BatcherClosedException("batcher '" + name
                        + "' closed while this item's batch was still running after " + timeout));
                thread.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
