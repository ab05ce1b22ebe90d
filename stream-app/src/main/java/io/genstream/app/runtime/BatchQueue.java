package io.genstream.app.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue behind a {@link DynamicBatcher} (and the wait queue of a {@link ContinuousBatcher}), and the
 * rule for when its head becomes a batch.
 *
 * <p>With a {@link BatchPacing}, a partial batch is also due once it holds the items the current load needs.
 *
 * <p>One lock and one condition. Idle workers wait on the condition: untimed while the queue is empty, and timed
 * until the oldest item's deadline ({@code enqueued + maxBatchDelay}) while it is not. A submit signals when it
 * makes the queue non-empty (someone must start the clock) or full enough for a batch; a worker that leaves items
 * behind signals the next idle worker. Every wait re-checks the state under the lock, so a signal is never lost.
 *
 * @param <I> one item of work
 * @param <R> what an item's future completes with
 */
final class BatchQueue<I, R> {

    /** A queued item, its future, and when it was enqueued ({@link System#nanoTime()}). */
    record Pending<I, R>(I item, CompletableFuture<R> future, long enqueuedNanos) {}

    private final String name;
    private final int capacity;
    private final int maxBatchSize;
    private final long maxBatchDelayNanos;

    /** When a partial batch may run early; null: only when full or its delay is up. Guarded by the lock. */
    private final BatchPacing pacing;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Pending<I, R>> items = new ArrayDeque<>();
    private boolean closed;

    BatchQueue(String name, int capacity, int maxBatchSize, long maxBatchDelayNanos) {
        this(name, capacity, maxBatchSize, maxBatchDelayNanos, null);
    }

    /** @param pacing runs a partial batch before its delay once it holds the items the load needs; null: never */
    BatchQueue(String name, int capacity, int maxBatchSize, long maxBatchDelayNanos, BatchPacing pacing) {
        this.name = name;
        this.capacity = capacity;
        this.maxBatchSize = maxBatchSize;
        this.maxBatchDelayNanos = maxBatchDelayNanos;
        this.pacing = pacing;
    }

    /**
     * Enqueues all items or none.
     *
     * @return one future per item, or {@code null} when there is no room for all of them
     * @throws BatcherClosedException after {@link #close}
     */
    List<CompletableFuture<R>> offerAll(List<I> batch) {
        lock.lock();
        try {
            if (closed) {
                throw new BatcherClosedException("batcher '" + name + "' is closed");
            }
            if (batch.size() > capacity - items.size()) {
                return null;
            }
            int before = items.size();
            long now = System.nanoTime(); // stamped under the lock, so the head is always the oldest
            List<CompletableFuture<R>> futures = new ArrayList<>(batch.size());
            for (I item : batch) {
                CompletableFuture<R> future = new CompletableFuture<>();
                items.addLast(new Pending<>(item, future, now));
                futures.add(future);
            }
            int due = maxBatchSize;
            if (pacing != null) {
                pacing.offered(batch.size(), now);
                due = Math.min(due, pacing.itemsNeeded(now));
            }
            if (before == 0 || (before < due && items.size() >= due)) {
                changed.signal();
            }
            return futures;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Enqueues all items or none, as a batcher's submit does.
     *
     * @param onRejected told when there is no room, before the exception is thrown
     * @return one future per item, in order
     * @throws CapacityExceededException when there is no room for all of them; nothing was enqueued
     * @throws BatcherClosedException after {@link #close}
     */
    List<CompletableFuture<R>> submitAll(List<I> batch, Runnable onRejected) {
        if (batch.isEmpty()) {
            return List.of();
        }
        List<CompletableFuture<R>> futures = offerAll(batch);
        if (futures == null) {
            onRejected.run();
            throw new CapacityExceededException(name, capacity, size(), batch.size());
        }
        return futures;
    }

    /**
     * Waits until a batch is due (full, its oldest item has waited {@code maxBatchDelay}, or, with pacing, it
     * holds what the load needs) and takes it.
     *
     * @return up to {@code maxBatchSize} items, oldest first; empty once the queue is closed
     */
    List<Pending<I, R>> takeBatch() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    return List.of(); // close() already drained and failed what was queued
                }
                if (items.isEmpty()) {
                    changed.await();
                    continue;
                }
                long now = System.nanoTime();
                boolean due = items.size() >= maxBatchSize
                        || (pacing != null && items.size() >= pacing.itemsNeeded(now));
                // elapsed is small and positive, so this cannot overflow even for a huge maxBatchDelay
                long waitNanos = due ? 0 : maxBatchDelayNanos - (now - items.peekFirst().enqueuedNanos());
                if (waitNanos <= 0) {
                    return pollBatch(maxBatchSize);
                }
                changed.awaitNanos(waitNanos);
            }
        } finally {
            lock.unlock();
        }
    }

    /** A batch taken from this queue ran for {@code nanos}: what {@link BatchPacing} costs a batch at. */
    void called(long nanos) {
        if (pacing == null) {
            return;
        }
        lock.lock();
        try {
            pacing.called(nanos);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes up to {@code max} items without waiting: how a worker that is busy with other work admits newcomers.
     *
     * @return the oldest items, at most {@code max}; empty when there are none or the queue is closed
     */
    List<Pending<I, R>> poll(int max) {
        lock.lock();
        try {
            return closed ? List.of() : pollBatch(max);
        } finally {
            lock.unlock();
        }
    }

    private List<Pending<I, R>> pollBatch(int max) {
        int n = Math.min(items.size(), max);
        List<Pending<I, R>> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            batch.add(items.pollFirst());
        }
        if (!items.isEmpty()) {
            changed.signal(); // the rest needs a worker of its own, or at least a clock
        }
        return batch;
    }

    /**
     * Refuses further offers, wakes every worker, and fails what was never dispatched with a
     * {@link BatcherClosedException} that says {@code why}.
     *
     * @return false when the queue was closed already, and nothing was done
     */
    boolean close(String why) {
        List<Pending<I, R>> undispatched;
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            closed = true;
            undispatched = new ArrayList<>(items);
            items.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        BatcherClosedException reason = new BatcherClosedException("batcher '" + name + "' " + why);
        for (Pending<I, R> pending : undispatched) {
            pending.future().completeExceptionally(reason); // outside the lock: it runs the callers' callbacks
        }
        return true;
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }
}
