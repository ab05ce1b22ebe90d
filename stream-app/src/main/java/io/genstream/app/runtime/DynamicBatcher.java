package io.genstream.app.runtime;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Merges single items, submitted from any number of threads, into batches for a group of model instances.
 *
 * <p>Model calls cost far less per item in batches (30–40× here), but Kafka Streams hands over one record at a
 * time on many threads. So callers {@link #submit} items and get a future each; one worker thread per
 * {@link BatchHandler} takes up to {@code maxBatchSize} queued items as soon as that many are waiting, or once
 * the oldest of them has waited {@code maxBatchDelay}, whichever comes first; with {@link Builder#optTargetBusy}
 * also as soon as the items waiting are as many as the current load needs (under a light load, at once).
 *
 * <p>Each future completes, on the worker thread, with a {@link Batched}: the handler's output plus that item's
 * queue time and its batch's size and inference time, for the output record. Chain heavy work with the
 * {@code *Async} methods so the worker is free for the next batch. A future fails with
 * {@link BatchFailedException} when its batch failed (other batches are unaffected), or with
 * {@link BatcherClosedException} when the batcher closed before its item ran.
 *
 * <p>The queue is bounded: a submit that does not fit throws {@link CapacityExceededException} at once rather
 * than blocking a stream thread. Build with {@link #builder()}.
 *
 * @param <I> one item of work
 * @param <O> the result for one item
 */
public final class DynamicBatcher<I, O> implements AutoCloseable {

    private final String name;
    private final int capacity;
    private final Duration closeTimeout;
    private final BatcherListener listener;
    private final BatchQueue<I, Batched<O>> queue;
    private final WorkerPool workers;

    private DynamicBatcher(Builder<I, O> b) {
        name = b.name;
        capacity = b.queueCapacity;
        closeTimeout = b.closeTimeout;
        listener = b.listener;
        queue = new BatchQueue<>(name, capacity, b.maxBatchSize, TimeUnit.NANOSECONDS.convert(b.maxBatchDelay),
                b.targetBusy > 0 ? new BatchPacing(b.targetBusy, b.handlers.size(), System.nanoTime()) : null);
        workers = new WorkerPool(name, b.handlers.stream()
                .map(handler -> new BatchWorker<>(name, queue, handler, listener)).toList());
    }

    public static <I, O> Builder<I, O> builder() {
        return new Builder<>();
    }

    /**
     * Enqueues one item.
     *
     * @throws CapacityExceededException when the queue is full
     * @throws BatcherClosedException (an {@link IllegalStateException}) after {@link #close()}
     */
    public CompletableFuture<Batched<O>> submit(I item) {
        return submitAll(List.of(item)).get(0);
    }

    /**
     * Enqueues all items (e.g. one request's) or none of them, so a request is never half accepted.
     *
     * @return one future per item, in order
     * @throws CapacityExceededException when the queue has no room for all of them; nothing was enqueued
     * @throws BatcherClosedException (an {@link IllegalStateException}) after {@link #close()}
     */
    public List<CompletableFuture<Batched<O>>> submitAll(List<I> items) {
        return queue.submitAll(List.copyOf(items), listener::onRejected); // copyOf rejects null items
    }

    /** How many items are queued and not yet in a batch. */
    public int queueDepth() {
        return queue.size();
    }

    /** The most items the queue holds. */
    public int capacity() {
        return capacity;
    }

    public String name() {
        return name;
    }

    /**
     * Stops accepting items, fails the futures of queued items with {@link BatcherClosedException}, and waits up
     * to the close timeout for batches in flight to finish; a batch still running then has its futures failed and
     * its worker interrupted. Idempotent.
     */
    @Override
    public void close() {
        if (queue.close("closed before this item was dispatched")) {
            workers.stop(closeTimeout);
        }
    }

    /** Builds a {@link DynamicBatcher}: {@code set*} is required, {@code opt*} has a default. */
    public static final class Builder<I, O> {

        private String name;
        private Integer maxBatchSize;
        private Duration maxBatchDelay;
        private Integer queueCapacity;
        private List<BatchHandler<I, O>> handlers;
        private BatcherListener listener = BatcherListener.NONE;
        private Duration closeTimeout = Duration.ofSeconds(30);
        private double targetBusy;

        private Builder() {}

        /** Names the worker threads and appears in every error. */
        public Builder<I, O> setName(String name) {
            this.name = name;
            return this;
        }

        /** The most items in one handler call. */
        public Builder<I, O> setMaxBatchSize(int maxBatchSize) {
            this.maxBatchSize = maxBatchSize;
            return this;
        }

        /** The longest an item waits for others to fill its batch ({@code 0}: dispatch at once). */
        public Builder<I, O> setMaxBatchDelay(Duration maxBatchDelay) {
            this.maxBatchDelay = maxBatchDelay;
            return this;
        }

        /** The most items queued (not yet in a batch); beyond it, submits fail fast. */
        public Builder<I, O> setQueueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
            return this;
        }

        /** The instance group: one handler per model instance, each run by its own worker thread. */
        public Builder<I, O> setHandlers(List<? extends BatchHandler<I, O>> handlers) {
            this.handlers = List.copyOf(handlers);
            return this;
        }

        /**
         * Lets a partial batch run before its delay is up once it holds enough items to keep the instances busy at
         * most this share of the time at the current arrival rate (see {@link BatchPacing}); default 0: never,
         * a partial batch always waits the full delay.
         */
        public Builder<I, O> optTargetBusy(double targetBusy) {
            this.targetBusy = targetBusy;
            return this;
        }

        public Builder<I, O> optListener(BatcherListener listener) {
            this.listener = listener;
            return this;
        }

        /** How long {@link #close()} waits for batches in flight (default 30 s). */
        public Builder<I, O> optCloseTimeout(Duration closeTimeout) {
            this.closeTimeout = closeTimeout;
            return this;
        }

        /** Validates the settings and starts one worker thread per handler. */
        public DynamicBatcher<I, O> build() {
            require(name != null && !name.isBlank(), "name is required");
            require(maxBatchSize != null && maxBatchSize >= 1, "maxBatchSize must be set and at least 1");
            require(maxBatchDelay != null && !maxBatchDelay.isNegative(), "maxBatchDelay must be set and >= 0");
            require(queueCapacity != null && queueCapacity >= 1, "queueCapacity must be set and at least 1");
            require(handlers != null && !handlers.isEmpty(), "at least one handler is required");
            require(listener != null, "listener must not be null");
            require(closeTimeout != null && !closeTimeout.isNegative(), "closeTimeout must be >= 0");
            require(targetBusy >= 0 && targetBusy <= 1, "targetBusy must be in [0, 1]");
            return new DynamicBatcher<>(this);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
