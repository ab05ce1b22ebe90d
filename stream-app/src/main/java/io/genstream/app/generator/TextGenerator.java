package io.genstream.app.generator;

import io.genstream.app.runtime.CapacityExceededException;
import io.genstream.app.runtime.ContinuousBatcher;
import io.genstream.app.runtime.GeneratedSequence;
import io.genstream.app.runtime.SequenceListener;
import io.genstream.app.runtime.SequenceModel;
import io.genstream.app.runtime.SequenceRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A served text model version: its instance group behind one continuous batcher, so the prompts
 * of every stream task and thread advance together, one batched model step per token.
 */
public final class TextGenerator implements AutoCloseable {

    private final TextModelInfo info;
    private final List<? extends SequenceModel<?>> instances;
    private final ContinuousBatcher batcher;

    /**
     * @param maxActive most sequences one instance advances together
     * @param queueCapacity most prompts waiting for a place
     */
    public TextGenerator(TextModelInfo info, List<? extends SequenceModel<?>> instances, int maxActive,
            int queueCapacity, SequenceListener listener) {
        this.info = info;
        this.instances = List.copyOf(instances);
        ContinuousBatcher.Builder builder = ContinuousBatcher.builder()
                .setName(info.id())
                .setModels(instances)
                .setMaxActive(maxActive)
                .setQueueCapacity(queueCapacity);
        if (listener != null) {
            builder.optListener(listener);
        }
        this.batcher = builder.build();
    }

    public TextModelInfo info() {
        return info;
    }

    /** The instances themselves, for direct calls such as the benchmark's one-at-a-time baseline. */
    public List<? extends SequenceModel<?>> instances() {
        return instances;
    }

    /**
     * Queues one planned request.
     *
     * @throws CapacityExceededException when the wait queue is full now
     */
    public CompletableFuture<GeneratedSequence> submit(TextPlan plan) {
        return batcher.submit(request(plan, info));
    }

    /** The runtime request of a plan: its input tokens and a fresh chooser seeded by the plan. */
    public static SequenceRequest request(TextPlan plan, TextModelInfo info) {
        return new SequenceRequest(plan.tokens(), new TextChooser(plan, info.vocabulary()));
    }

    /** Sequences waiting for a place in a batch. */
    public int queueDepth() {
        return batcher.queueDepth();
    }

    @Override
    public void close() {
        batcher.close();
        for (SequenceModel<?> instance : instances) {
            if (instance instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot close an instance of " + info.id(), e);
                }
            }
        }
    }
}
