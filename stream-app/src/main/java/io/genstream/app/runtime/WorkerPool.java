package io.genstream.app.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The worker threads of one batcher ({@link DynamicBatcher}, {@link ContinuousBatcher}): one per model instance,
 * because a model instance (a DJL predictor) is not thread-safe, and one thread per instance keeps every device
 * busy without locking.
 */
final class WorkerPool {

    /** One worker thread's loop, which can fail the callers of the work it holds when shutdown gives up on it. */
    interface Worker extends Runnable {

        /** Fails the futures of the work in flight, if any; a no-op for futures completed already. */
        void failInFlight(RuntimeException reason);
    }

    private final String name;
    private final List<Worker> workers;
    private final List<Thread> threads = new ArrayList<>();

    /** Starts one thread per worker, named {@code <name>-worker-<i>}. */
    WorkerPool(String name, List<? extends Worker> workers) {
        this.name = name;
        this.workers = List.copyOf(workers);
        for (Worker worker : this.workers) {
            Thread thread = new Thread(worker, name + "-worker-" + threads.size());
            thread.setDaemon(true); // a forgotten close() must not keep the JVM alive
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
