package io.genstream.app.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Generates token sequences for requests from any number of threads, batching at the level of one token
 * (continuous batching, as Orca and vLLM do): sequences join a model instance's batch as soon as there is room
 * and leave it the moment they finish, instead of a batch running until its longest sequence is done.
 *
 * <p>Callers {@link #submit} a {@link SequenceRequest} (prompt tokens and their own {@link TokenChooser}) and
 * get a future. One worker thread per {@link SequenceModel} instance loops: admit waiting requests while fewer
 * than {@code maxActive} are active (one prefill call for the newcomers), then one step call for all its active
 * sequences. Optionally every call's row count is rounded up to {@code rowMultiple} (pad rows repeat row 0).
 *
 * <p>Each future completes on a worker thread with a {@link GeneratedSequence}; chain heavy work with the
 * {@code *Async} methods. It fails with {@link BatchFailedException} when a model call it was in failed (other
 * sequences are unaffected), with whatever its own chooser threw, or with {@link BatcherClosedException} when the
 * batcher closed first. The wait queue is bounded: a submit that does not fit throws
 * {@link CapacityExceededException} at once. Build with {@link #builder()}.
 */
public final class ContinuousBatcher implements AutoCloseable {

    /** The row multiple calls are padded to unless set: 1, no padding (see {@link Builder#optRowMultiple}). */
    public static final int DEFAULT_ROW_MULTIPLE = 1;

    private final String name;
    private final int capacity;
    private final int maxLength;
    private final Duration closeTimeout;
    private final SequenceListener listener;
    private final BatchQueue<SequenceRequest, GeneratedSequence> queue;
    private final List<SequenceWorker<?>> sequenceWorkers = new ArrayList<>();
    private final WorkerPool workers;

    private ContinuousBatcher(Builder b) {
        name = b.name;
        capacity = b.queueCapacity;
        maxLength = b.maxLength;
        closeTimeout = b.closeTimeout;
        listener = b.listener;
        // An idle worker takes up to maxActive requests as soon as one is queued: no batching delay.
        queue = new BatchQueue<>(name, capacity, b.maxActive, 0);
        for (SequenceModel<?> model : b.models) {
            sequenceWorkers.add(worker(name, queue, model, b.rowMultiple, b.maxActive, maxLength, listener));
        }
        workers = new WorkerPool(name, sequenceWorkers);
    }

    /** A worker for one instance, with the instance's own state type. */
    private static <S> SequenceWorker<S> worker(String name, BatchQueue<SequenceRequest, GeneratedSequence> queue,
            SequenceModel<S> model, int rowMultiple, int maxActive, int maxLength, SequenceListener listener) {
        return new SequenceWorker<>(name, queue, new PaddedModel<>(model, rowMultiple), maxActive, maxLength, listener);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Queues one request.
     *
     * @throws IllegalArgumentException when the prompt leaves no room for a token ({@code > maxLength - 1})
     * @throws CapacityExceededException when the wait queue is full
     * @throws BatcherClosedException (an {@link IllegalStateException}) after {@link #close()}
     */
    public CompletableFuture<GeneratedSequence> submit(SequenceRequest request) {
        return submitAll(List.of(request)).get(0);
    }

    /**
     * Queues all requests or none of them.
     *
     * @return one future per request, in order
     * @throws IllegalArgumentException when a prompt leaves no room for a token; nothing was queued
     * @throws CapacityExceededException when the queue has no room for all of them; nothing was queued
     * @throws BatcherClosedException (an {@link IllegalStateException}) after {@link #close()}
     */
    public List<CompletableFuture<GeneratedSequence>> submitAll(List<SequenceRequest> requests) {
        List<SequenceRequest> copy = List.copyOf(requests); // rejects null requests
        for (SequenceRequest request : copy) {
            if (request.prompt().length > maxLength - 1) {
                throw new IllegalArgumentException("batcher '" + name + "': a prompt of " + request.prompt().length
                        + " tokens leaves no room to generate; the model holds at most " + maxLength);
            }
        }
        return queue.submitAll(copy, listener::onRejected);
    }

    /** How many requests wait for a worker. */
    public int queueDepth() {
        return queue.size();
    }

    /** How many sequences the workers are generating now. */
    public int activeSequences() {
        return sequenceWorkers.stream().mapToInt(SequenceWorker::activeCount).sum();
    }

    /** The most requests the wait queue holds. */
    public int capacity() {
        return capacity;
    }

    /** The most tokens a sequence holds, prompt included (the models' {@link SequenceModel#maxLength()}). */
    public int maxLength() {
        return maxLength;
    }

    public String name() {
        return name;
    }

    /**
     * Stops accepting requests and fails the waiting ones with {@link BatcherClosedException}; each worker then
     * fails its active sequences the same way once its model call in progress returns. Waits up to the close
     * timeout for that; a worker whose call is still running then has its sequences failed and is interrupted.
     * Idempotent.
     */
    @Override
    public void close() {
        if (queue.close("closed before this sequence started")) {
            workers.stop(closeTimeout);
        }
    }

    /** Builds a {@link ContinuousBatcher}: {@code set*} is required, {@code opt*} has a default. */
    public static final class Builder {

        private String name;
        private List<SequenceModel<?>> models;
        private Integer maxActive;
        private Integer queueCapacity;
        private int rowMultiple = DEFAULT_ROW_MULTIPLE;
        private SequenceListener listener = SequenceListener.NONE;
        private Duration closeTimeout = Duration.ofSeconds(30);
        private int maxLength;

        private Builder() {}

        /** Names the worker threads and appears in every error. */
        public Builder setName(String name) {
            this.name = name;
            return this;
        }

        /** The instance group: one model instance per worker thread; all must have the same maxLength. */
        public Builder setModels(List<? extends SequenceModel<?>> models) {
            this.models = List.copyOf(models);
            return this;
        }

        /** The most sequences one worker generates at once (the most rows of a call, before padding). */
        public Builder setMaxActive(int maxActive) {
            this.maxActive = maxActive;
            return this;
        }

        /** The most requests waiting for a worker; beyond it, submits fail fast. */
        public Builder setQueueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
            return this;
        }

        /**
         * Every model call's row count is rounded up to a multiple of this (default 1: no padding). Padding helps where
         * a model's kernels pick their algorithm, and so their rounding, by row count and only at the remainder: then
         * a sequence's tokens do not depend on what it was batched with. TensorFlow 2.10's CPU kernels round
         * differently at 8 and 16 rows too, so genstream serves unpadded.
         */
        public Builder optRowMultiple(int rowMultiple) {
            this.rowMultiple = rowMultiple;
            return this;
        }

        public Builder optListener(SequenceListener listener) {
            this.listener = listener;
            return this;
        }

        /** How long {@link #close()} waits for model calls in progress (default 30 s). */
        public Builder optCloseTimeout(Duration closeTimeout) {
            this.closeTimeout = closeTimeout;
            return this;
        }

        /** Validates the settings and starts one worker thread per model instance. */
        public ContinuousBatcher build() {
            require(name != null && !name.isBlank(), "name is required");
            require(models != null && !models.isEmpty(), "at least one model instance is required");
            maxLength = models.get(0).maxLength();
            require(maxLength >= 2, "a model's maxLength must be at least 2 (one prompt token, one generated)");
            require(models.stream().allMatch(m -> m.maxLength() == maxLength),
                    "every model instance must have the same maxLength");
            require(maxActive != null && maxActive >= 1, "maxActive must be set and at least 1");
            require(queueCapacity != null && queueCapacity >= 1, "queueCapacity must be set and at least 1");
            require(rowMultiple >= 1, "rowMultiple must be at least 1");
            require(listener != null, "listener must not be null");
            require(closeTimeout != null && !closeTimeout.isNegative(), "closeTimeout must be >= 0");
            return new ContinuousBatcher(this);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
