package io.genstream.app.topology;

import io.genstream.app.generator.GeneratedImage;
import io.genstream.app.generator.ImageGenerator;
import io.genstream.app.generator.ImageItem;
import io.genstream.app.generator.ImageModelInfo;
import io.genstream.app.generator.ImagePlan;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.runtime.Batched;
import io.genstream.app.runtime.CapacityExceededException;
import io.genstream.app.validation.Rejection;
import io.genstream.app.validation.RejectionReason;
import io.genstream.avro.GeneratedContent;
import io.genstream.avro.NoiseSeedEvent;
import io.genstream.schemas.AvroCodec;
import io.genstream.schemas.RecordDecodeException;
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
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Generates the images of accepted requests through the shared dynamic batcher, without giving
 * up exactly-once:
 *
 * <ol>
 *   <li>A request is first written to the changelogged pending store (same transaction as its
 *       input offset), then its items are submitted to the model's batcher.
 *   <li>A wall-clock punctuator (and every new record) emits the requests whose items are all
 *       done — one content record per item — and deletes them from the store, again in one
 *       transaction.
 *   <li>After a crash or rebalance the restored store is submitted again: nothing lost, and
 *       nothing emitted twice since emission and deletion commit together.
 * </ol>
 *
 * Backpressure: when a model's queue is full, the stream thread waits (bounded by
 * {@code maxBlock}) for earlier requests to finish, so consumption slows instead of memory
 * growing. A model failure rejects only the requests of the failed batch, to the DLQ.
 */
final class ImageGeneration
        implements Processor<byte[], Outcome<NoiseSeedEvent>, byte[], Outcome<GeneratedContent>> {

    static final String STORE = "noise-seed-pending";

    private final ModelCatalog models;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final Duration drainInterval;
    private final Duration maxBlock;
    private final AvroCodec<NoiseSeedEvent> codec = AvroCodec.of(NoiseSeedEvent.class);
    /** Requests submitted to a batcher, in arrival order. */
    private final Map<Long, InFlight> inFlight = new LinkedHashMap<>();
    /** Offsets of stored requests not yet submitted (restored, or refused for capacity): just
     *  the offsets, so a long wait costs 8 bytes a request, not its value. */
    private final ArrayDeque<Long> waiting = new ArrayDeque<>();
    private ProcessorContext<byte[], Outcome<GeneratedContent>> context;
    private KeyValueStore<Long, byte[]> store;

    private record InFlight(PendingRequest request, NoiseSeedEvent event, ImageModelInfo model,
            List<ImageItem> items, List<CompletableFuture<Batched<GeneratedImage>>> results,
            CompletableFuture<Void> all) {

        InFlight(PendingRequest request, NoiseSeedEvent event, ImageModelInfo model, List<ImageItem> items,
                List<CompletableFuture<Batched<GeneratedImage>>> results) {
            this(request, event, model, items, results, CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)));
        }

        boolean done() {
            return all.isDone();
        }
    }

    ImageGeneration(ModelCatalog models, DeadLetters deadLetters, Clock clock, Duration drainInterval,
            Duration maxBlock) {
        this.models = models;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.drainInterval = drainInterval;
        this.maxBlock = maxBlock;
    }

    @Override
    public void init(ProcessorContext<byte[], Outcome<GeneratedContent>> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        try (KeyValueIterator<Long, byte[]> restored = store.all()) {
            restored.forEachRemaining(entry -> waiting.add(entry.key));
        }
        context.schedule(drainInterval, PunctuationType.WALL_CLOCK_TIME, now -> drain(Duration.ZERO));
    }

    @Override
    public void process(Record<byte[], Outcome<NoiseSeedEvent>> record) {
        var source = context.recordMetadata().orElseThrow();
        PendingRequest request = new PendingRequest(source.topic(), source.partition(), source.offset(),
                record.timestamp(), record.key(), record.value().input());
        store.put(request.offset(), request.encode());
        waiting.add(request.offset());
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

    /** @return false when the model's queue has no room for this request now */
    private boolean submit(PendingRequest request) {
        NoiseSeedEvent event;
        try {
            event = codec.decode(request.value());
        } catch (RecordDecodeException e) {
            reject(request, "stored request no longer decodes: " + e.getMessage());
            return true;
        }
        Optional<ImageGenerator> generator = models.image(event.getModel());
        if (generator.isEmpty()) {
            reject(request, "model " + event.getModel() + " is no longer served");
            return true;
        }
        List<ImageItem> items = ImagePlan.items(event, generator.get().info());
        try {
            inFlight.put(request.offset(), new InFlight(request, event, generator.get().info(), items,
                    generator.get().submit(items)));
            return true;
        } catch (CapacityExceededException e) {
            return false;
        } catch (IllegalStateException closed) {
            reject(request, closed.getMessage());
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
            oldest.next().all().get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            // A failed batch is reported by emitCompleted; a timeout ends the wait.
        }
        return true;
    }

    /**
     * Emits finished requests in arrival order, stopping at the first unfinished one: batches
     * mostly finish in order, and scanning thousands of in-flight requests on every record and
     * punctuation would cost the stream thread more than it saves.
     */
    private void emitCompleted() {
        Iterator<InFlight> it = inFlight.values().iterator();
        while (it.hasNext()) {
            InFlight done = it.next();
            if (!done.done()) {
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
            done.all().join();
        } catch (CompletionException | CancellationException e) {
            // One failed batch rejects the whole request: no partial output.
            reject(request, (e.getCause() != null ? e.getCause() : e).getMessage());
            return;
        }
        long emittedAt = clock.millis();
        for (int i = 0; i < done.items().size(); i++) {
            GeneratedContent content = ImageContent.of(done.event(), done.model(), done.items().get(i),
                    done.results().get(i).join(), emittedAt);
            context.forward(new Record<>(request.key(), Outcome.accepted(content, null), request.timestamp()));
        }
    }

    private void reject(PendingRequest request, String message) {
        Rejection rejection = new Rejection(RejectionReason.GENERATION_FAILED, String.valueOf(message));
        context.forward(new Record<>(request.key(), Outcome.rejected(deadLetters.reject(
                Optional.of(request), request.key(), request.value(), rejection)), request.timestamp()));
        store.delete(request.offset());
    }

    @Override
    public void close() {
        // Results still in flight are dropped: their requests stay in the store for whoever
        // owns this task next (this instance after a restart, or another one).
        inFlight.clear();
        waiting.clear();
    }
}
