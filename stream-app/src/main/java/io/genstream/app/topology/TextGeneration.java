package io.genstream.app.topology;

import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.generator.TextGenerator;
import io.genstream.app.generator.TextModelInfo;
import io.genstream.app.generator.TextPlan;
import io.genstream.app.runtime.CapacityExceededException;
import io.genstream.app.runtime.GeneratedSequence;
import io.genstream.avro.PromptEvent;
import io.genstream.schemas.AvroCodec;
import io.genstream.app.routing.RouteTable;
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

    TextGeneration(ModelCatalog models, RouteTable routes, DeadLetters deadLetters, Clock clock,
            Duration drainInterval, Duration maxBlock) {
        super(STORE, AvroCodec.of(PromptEvent.class), models, routes, deadLetters, clock, drainInterval, maxBlock);
    }

    @Override
    protected Job submit(PromptEvent event, String modelId) throws CapacityExceededException, RefusedException {
        TextGenerator generator = served(models.text(modelId), modelId);
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
