package io.genstream.app.metrics;

import io.genstream.app.runtime.BatcherListener;
import io.genstream.app.runtime.GeneratedSequence;
import io.genstream.app.runtime.SequenceListener;
import io.genstream.app.validation.RejectionReason;
import io.genstream.avro.GeneratedContent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;

/**
 * The meters of genstream. Tags are bounded: reasons are an enum, models are the ones this
 * instance serves, and topics are genstream's own.
 */
public final class GenstreamMetrics {

    public static final String REQUESTS = "genstream.requests";
    public static final String REJECTED = "genstream.rejected";
    public static final String ITEMS = "genstream.items.generated";
    public static final String INFERENCE = "genstream.inference";
    public static final String BATCH_SIZE = "genstream.batch.size";
    public static final String BATCH_QUEUE = "genstream.batch.queue";
    public static final String BATCH_FAILED = "genstream.batch.failed";
    public static final String CAPACITY_REJECTIONS = "genstream.batch.capacity.rejections";
    public static final String TOKENS = "genstream.tokens.generated";
    public static final String TEXT_STEP = "genstream.text.step";
    public static final String TEXT_STEP_SEQUENCES = "genstream.text.step.sequences";
    public static final String TEXT_PREFILL = "genstream.text.prefill";
    public static final String TEXT_SEQUENCE = "genstream.text.sequence";
    /** Gauges of the last closed quality window, tagged {@code model}, {@code version} and {@code metric}. */
    public static final String QUALITY = "genstream.quality";
    /** Items written to the content topic, tagged {@code model}, {@code version} and {@code kind}. */
    public static final String ITEMS_EMITTED = "genstream.items.emitted";
    /** Histogram of request {@code createdAt} to item {@code emittedAt}, per model version and kind. */
    public static final String END_TO_END = "genstream.latency.end.to.end";
    /** The window's item count, as a {@link #QUALITY} metric. */
    public static final String QUALITY_COUNT = "count";

    private final MeterRegistry registry;
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
    private final QualityGauges quality;
    private final EmittedMeters emitted;
    /** Who else watches the items emitted (the gallery); called on the stream thread, so they must be quick. */
    private final List<Consumer<GeneratedContent>> emitListeners = new CopyOnWriteArrayList<>();

    public GenstreamMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.quality = new QualityGauges(registry);
        this.emitted = new EmittedMeters(registry);
    }

    /** Also hands every emitted item to this listener (e.g. the gallery's ring of latest items). */
    public void onEmitted(Consumer<GeneratedContent> listener) {
        emitListeners.add(listener);
    }

    /**
     * An item is being written to the content topic: counts it by kind and records its end-to-end latency.
     * Seen before its transaction commits, so an aborted and redone batch counts twice.
     */
    public void emitted(GeneratedContent content) {
        emitted.record(content);
        emitListeners.forEach(listener -> listener.accept(content));
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** A record arrived on an input topic. */
    public void requestReceived(String topic) {
        requests.computeIfAbsent(topic, t -> Counter.builder(REQUESTS)
                .description("Input records received")
                .tag("topic", t)
                .register(registry)).increment();
    }

    /** An input was rejected and sent to the dead-letter topic. */
    public void rejected(String topic, RejectionReason reason) {
        rejected.computeIfAbsent(topic + '\n' + reason.name(), k -> Counter.builder(REJECTED)
                .description("Inputs rejected to the dead-letter topic, by reason")
                .tag("topic", topic)
                .tag("reason", reason.name())
                .register(registry)).increment();
    }

    /**
     * A window of a model version closed: its gauges now read this window's figures and its item count
     * ({@value #QUALITY_COUNT}).
     */
    public void qualityReported(String modelId, long count, Map<String, Double> metrics) {
        Map<String, Double> figures = new HashMap<>(metrics);
        figures.put(QUALITY_COUNT, (double) count);
        quality.report(modelId, figures);
    }

    /** The meters of one model version's batcher: batch sizes, waits, model-call time, failures. */
    public BatcherListener batcher(String modelId) {
        Counter items = Counter.builder(ITEMS).description("Items generated").tags(ModelTags.of(modelId)).register(registry);
        DistributionSummary sizes = DistributionSummary.builder(BATCH_SIZE)
                .description("Items per model call").tags(ModelTags.of(modelId)).publishPercentileHistogram()
                .maximumExpectedValue(4096.0)
                .register(registry);
        Timer inference = Timer.builder(INFERENCE).description("Time of one model call (a batch)")
                .tags(ModelTags.of(modelId)).publishPercentileHistogram().register(registry);
        Timer queue = Timer.builder(BATCH_QUEUE).description("Wait of a batch's oldest item before its model call")
                .tags(ModelTags.of(modelId)).publishPercentileHistogram().register(registry);
        Counter failed = failedCalls(modelId);
        Counter full = capacityRejections(modelId);
        return new BatcherListener() {
            @Override
            public void onBatch(int size, long queueNanosOldest, long inferenceNanos) {
                items.increment(size);
                sizes.record(size);
                inference.record(inferenceNanos, TimeUnit.NANOSECONDS);
                queue.record(queueNanosOldest, TimeUnit.NANOSECONDS);
            }

            @Override
            public void onBatchFailed(int size, Throwable cause) {
                failed.increment();
            }

            @Override
            public void onRejected() {
                full.increment();
            }
        };
    }

    /**
     * The meters of one text model version's continuous batcher: tokens generated (their rate is
     * tokens/s), sequences per step, step and prefill time, whole-sequence time, failures.
     */
    public SequenceListener sequences(String modelId) {
        Counter tokens = Counter.builder(TOKENS).description("Tokens generated").tags(ModelTags.of(modelId))
                .register(registry);
        DistributionSummary perStep = DistributionSummary.builder(TEXT_STEP_SEQUENCES)
                .description("Sequences advanced by one model step").tags(ModelTags.of(modelId))
                .publishPercentileHistogram().maximumExpectedValue(4096.0).register(registry);
        Timer step = Timer.builder(TEXT_STEP).description("Time of one batched model step (one token per sequence)")
                .tags(ModelTags.of(modelId)).publishPercentileHistogram().register(registry);
        Timer prefill = Timer.builder(TEXT_PREFILL).description("Time of one batched prompt prefill")
                .tags(ModelTags.of(modelId)).publishPercentileHistogram().register(registry);
        Timer sequence = Timer.builder(TEXT_SEQUENCE).description("Time from submit to a finished sequence")
                .tags(ModelTags.of(modelId)).publishPercentileHistogram().register(registry);
        Counter failed = failedCalls(modelId);
        Counter full = capacityRejections(modelId);
        return new SequenceListener() {
            @Override
            public void onPrefill(int sequences, int rows, long nanos) {
                prefill.record(nanos, TimeUnit.NANOSECONDS);
            }

            @Override
            public void onStep(int sequences, int rows, long nanos) {
                perStep.record(sequences);
                step.record(nanos, TimeUnit.NANOSECONDS);
            }

            @Override
            public void onCallFailed(int sequences, Throwable cause) {
                failed.increment();
            }

            @Override
            public void onFinished(GeneratedSequence finished) {
                tokens.increment(finished.tokens().length);
                sequence.record((long) (finished.totalMs() * 1_000_000), TimeUnit.NANOSECONDS);
            }

            @Override
            public void onRejected() {
                full.increment();
            }
        };
    }

    private Counter failedCalls(String modelId) {
        return Counter.builder(BATCH_FAILED).description("Model calls that failed")
                .tags(ModelTags.of(modelId)).register(registry);
    }

    private Counter capacityRejections(String modelId) {
        return Counter.builder(CAPACITY_REJECTIONS)
                .description("Submissions refused because the model's queue was full (the stream then waits)")
                .tags(ModelTags.of(modelId)).register(registry);
    }
}
