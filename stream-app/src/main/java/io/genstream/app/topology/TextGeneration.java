package io.genstream.app.topology;

import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.generator.TextGenerator;
import io.genstream.app.generator.TextModelInfo;
import io.genstream.app.generator.TextPlan;
import io.genstream.app.runtime.CapacityExceededException;
import io.genstream.app.runtime.GeneratedSequence;
import io.genstream.avro.PromptEvent;
import io.genstream.schemas.AvroCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Generates the text of accepted prompt requests through the model's shared continuous batcher:
 * one content record per request, emitted once, when its sequence is complete (see
 * {@link PendingGeneration} for the exactly-once and backpressure rules).
 */
final class TextGeneration extends PendingGeneration<PromptEvent> {

    static final String STORE = "prompt-pending";

    private final ModelCatalog models;

    TextGeneration(ModelCatalog models, DeadLetters deadLetters, Clock clock, Duration drainInterval,
            Duration maxBlock) {
        super(STORE, AvroCodec.of(PromptEvent.class), deadLetters, clock, drainInterval, maxBlock);
        this.models = models;
    }

    @Override
    protected Job submit(PromptEvent event) throws CapacityExceededException, RefusedException {
        TextGenerator generator = models.text(event.getModel())
                .orElseThrow(() -> new RefusedException("model " + event.getModel() + " is no longer served"));
        TextModelInfo model = generator.info();
        TextPlan plan = TextPlan.of(event, model);
        CompletableFuture<GeneratedSequence> result;
        try {
            result = generator.submit(plan);
        } catch (IllegalStateException | IllegalArgumentException refused) {
            throw new RefusedException(refused.getMessage());
        }
        return new Job(result, emittedAt -> List.of(GeneratedItem.of(
                TextContent.of(event, model, plan, result.join(), emittedAt))));
    }
}
