package io.genstream.app.topology;

import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.routing.RouteTable;
import io.genstream.app.runtime.CapacityExceededException;
import io.genstream.app.validation.Rejection;
import io.genstream.app.validation.RejectionReason;
import io.genstream.schemas.AvroCodec;
import io.genstream.schemas.RecordDecodeException;
import org.apache.avro.specific.SpecificRecordBase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Generates accepted requests through a shared runtime (dynamic or continuous batcher) without
 * giving up exactly-once:
 *
 * <ol>
 *   <li>A request is first written to the changelogged pending store (same transaction as its
 *       input offset), then submitted to its model's runtime.
 *   <li>A wall-clock punctuator (and every new record) emits the requests whose work is done —
 *       their content records — and deletes them from the store, again in one transaction.
 *   <li>After a crash or rebalance the restored store is submitted again: nothing lost, and
 *       nothing emitted twice since emission and deletion commit together.
 * </ol>
 *
 * Backpressure: when a model's queue is full, the stream thread waits (bounded by
 * {@code maxBlock}) for earlier requests to finish, so consumption slows instead of memory
 * growing. A model failure rejects only the requests it touched, to the DLQ.
 *
 * <p>Subclasses say how one event is submitted and what it emits ({@link #submit}).
 *
 * @param <E> the request event type
 */
abstract class PendingGeneration<E extends SpecificRecordBase>
        implements Processor<byte[], Outcome<E>, byte[], Outcome<GeneratedItem>> {

    /**
     * A submitted request: done when {@code done} completes; its items once it has.
     *
     * @param done completes when all the request's work is done (exceptionally if any failed)
     * @param contents the request's generated items (content records, optional features), given the emission time
     */
    protected record Job(CompletableFuture<?> done, LongFunction<List<GeneratedItem>> contents) {}

    /** The request can no longer be generated here (its model is gone, the runtime is closed). */
    protected static final class RefusedException extends Exception {
        private final RejectionReason reason;

        RefusedException(String message) {
            this(RejectionReason.GENERATION_FAILED, message);
        }

        RefusedException(RejectionReason reason, String message) {
            super(message);
            this.reason = reason;
        }
    }

    private final String storeName;
    private final AvroCodec<E> codec;
    /** The model versions served here. */
    protected final ModelCatalog models;
    private final RouteTable routes;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final Duration drainInterval;
    private final Duration maxBlock;
    /** Requests submitted to a runtime, in arrival order. */
    private final Map<Long, InFlight> inFlight = new LinkedHashMap<>();
    /** Offsets of stored requests not yet submitted (restored, or refused for capacity): just
     *  the offsets, so a long wait costs 8 bytes a request, not its value. */
    private final ArrayDeque<Long> waiting = new ArrayDeque<>();
    private ProcessorContext<byte[], Outcome<GeneratedItem>> context;
    private KeyValueStore<Long, byte[]> store;

    private record InFlight(PendingRequest request, Job job) {}

    PendingGeneration(String storeName, AvroCodec<E> codec, ModelCatalog models, RouteTable routes,
            DeadLetters deadLetters, Clock clock, Duration drainInterval, Duration maxBlock) {
        this.storeName = storeName;
        this.codec = codec;
        this.models = models;
        this.routes = routes;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.drainInterval = drainInterval;
        this.maxBlock = maxBlock;
    }

    /**
     * The model version ({@code name@version}) that is to serve a request, chosen when it arrives and
     * stored with it (a bare name made its latest version now, so that a restored request keeps it);
     * empty when its route gives no version any weight. Every request record has the fields
     * {@code requestId} and {@code model} (fields are never renamed).
     */
    private Optional<String> route(E event) {
        return routes.resolve(String.valueOf(event.get("model")), String.valueOf(event.get("requestId")))
                .map(models::servedId);
    }

    /** The generator of the chosen version, or the request is refused as {@code UNKNOWN_MODEL}. */
    protected static <G> G served(Optional<G> generator, String modelId) throws RefusedException {
        return generator.orElseThrow(() -> new RefusedException(
                RejectionReason.UNKNOWN_MODEL, "model version " + modelId + " is not served here"));
    }

    /**
     * Submits one stored request to the runtime of the model version chosen for it.
     *
     * @throws CapacityExceededException when the runtime has no room now (the request waits)
     * @throws RefusedException when it can never be generated here (the request is rejected)
     */
    protected abstract Job submit(E event, String modelId) throws CapacityExceededException, RefusedException;

    @Override
    public void init(ProcessorContext<byte[], Outcome<GeneratedItem>> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        try (KeyValueIterator<Long, byte[]> restored = store.all()) {
            restored.forEachRemaining(entry -> waiting.add(entry.key));
        }
        context.schedule(drainInterval, PunctuationType.WALL_CLOCK_TIME, now -> drain(Duration.ZERO));
    }

    @Override
    public void process(Record<byte[], Outcome<E>> record) {
        var source = context.recordMetadata().orElseThrow();
        String modelId = route(record.value().value()).orElse(null);
        PendingRequest request = new PendingRequest(source.topic(), source.partition(), source.offset(),
                record.timestamp(), record.key(), record.value().input(), modelId);
        store.put(request.offset(), request.encode());
        // Usually nothing older waits: the request goes to its runtime at once, with the event the intake
        // decoded, rather than read back from the store and decoded again. Otherwise it queues behind them.
        if (!waiting.isEmpty() || !submit(request, record.value().value())) {
            waiting.add(request.offset());
        }
        drain(maxBlock);
    }

    /** Submits what waits (waiting up to {@code block} for queue room) and emits what is done. */
    private void drain(Duration block) {
        long deadline = System.nanoTime() + block.toNanos();
        while (!waiting.isEmpty()) {
            byte[] stored = store.get(waiting.peek());
            if (stored == null || submit(PendingRequest.decode(stored))) {
                waiting.poll();
            } else if (System.nanoTime() >= deadline || !awaitOldest(deadline)) {
                break;
            }
            emitCompleted();
        }
        emitCompleted();
    }

    /** @return false when the model's runtime has no room for this stored request now */
    private boolean submit(PendingRequest request) {
        E event;
        try {
            event = codec.decode(request.value());
        } catch (RecordDecodeException e) {
            reject(request, RejectionReason.GENERATION_FAILED, "stored request no longer decodes: " + e.getMessage());
            return true;
        }
        return submit(request, event);
    }

    /** @return false when the model's runtime has no room for this request now */
    private boolean submit(PendingRequest request, E event) {
        String modelId = request.modelId() != null ? request.modelId() : route(event).orElse(null);
        try {
            if (modelId == null) {
                throw new RefusedException(RejectionReason.UNKNOWN_MODEL,
                        "the route of the requested model gives no version any weight");
            }
            inFlight.put(request.offset(), new InFlight(request, submit(event, modelId)));
            return true;
        } catch (CapacityExceededException e) {
            return false;
        } catch (RefusedException e) {
            reject(request, e.reason, e.getMessage());
            return true;
        }
    }

    /** Waits for the oldest in-flight request; false when there is none to wait for. */
    private boolean awaitOldest(long deadline) {
        Iterator<InFlight> oldest = inFlight.values().iterator();
        if (!oldest.hasNext()) {
            return false;
        }
        long remaining = deadline - System.nanoTime();
        try {
            oldest.next().job().done().get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            // A failed request is reported by emitCompleted; a timeout ends the wait.
        }
        return true;
    }

    /**
     * Emits finished requests in arrival order, stopping at the first unfinished one: work mostly
     * finishes in order, and scanning thousands of in-flight requests on every record and
     * punctuation would cost the stream thread more than it saves.
     */
    private void emitCompleted() {
        Iterator<InFlight> it = inFlight.values().iterator();
        while (it.hasNext()) {
            InFlight done = it.next();
            if (!done.job().done().isDone()) {
                return;
            }
            it.remove();
            emit(done);
            store.delete(done.request().offset());
        }
    }

    private void emit(InFlight done) {
        PendingRequest request = done.request();
        try {
            done.job().done().join();
        } catch (CompletionException | CancellationException e) {
            // One failure rejects the whole request: no partial output.
            reject(request, RejectionReason.GENERATION_FAILED, (e.getCause() != null ? e.getCause() : e).getMessage());
            return;
        }
        for (GeneratedItem item : done.job().contents().apply(clock.millis())) {
            context.forward(new Record<>(request.key(), Outcome.accepted(item, null), request.timestamp()));
        }
    }

    private void reject(PendingRequest request, RejectionReason reason, String message) {
        Rejection rejection = new Rejection(reason, String.valueOf(message));
        context.forward(new Record<>(request.key(), Outcome.rejected(deadLetters.reject(
                Optional.of(request), request.key(), request.value(), rejection)), request.timestamp()));
        store.delete(request.offset());
    }

    @Override
    public void close() {
        // Work still in flight is dropped: its requests stay in the store for whoever owns this
        // task next (this instance after a restart, or another one).
        inFlight.clear();
        waiting.clear();
    }
}
