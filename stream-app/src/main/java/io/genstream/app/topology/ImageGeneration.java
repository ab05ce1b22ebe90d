package io.genstream.app.topology;

import io.genstream.app.generator.GeneratedImage;
import io.genstream.app.generator.ImageGenerator;
import io.genstream.app.generator.ImageItem;
import io.genstream.app.generator.ImageModelInfo;
import io.genstream.app.generator.ImageScorer;
import io.genstream.app.generator.ImagePlan;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.runtime.Batched;
import io.genstream.app.runtime.CapacityExceededException;
import io.genstream.avro.GeneratedContent;
import io.genstream.avro.NoiseSeedEvent;
import io.genstream.schemas.AvroCodec;
import io.genstream.app.routing.RouteTable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Generates the images of accepted noise-seed requests through the model's shared dynamic
 * batcher: one content record per item, emitted when all the request's items are done (see
 * {@link PendingGeneration} for the exactly-once and backpressure rules).
 */
final class ImageGeneration extends PendingGeneration<NoiseSeedEvent> {

    static final String STORE = "noise-seed-pending";

    ImageGeneration(ModelCatalog models, RouteTable routes, DeadLetters deadLetters, Clock clock,
            Duration drainInterval, Duration maxBlock) {
        super(STORE, AvroCodec.of(NoiseSeedEvent.class), models, routes, deadLetters, clock, drainInterval, maxBlock);
    }

    @Override
    protected Job submit(NoiseSeedEvent event, String modelId) throws CapacityExceededException, RefusedException {
        ImageGenerator generator = served(models.image(modelId), modelId);
        ImageModelInfo model = generator.info();
        List<ImageItem> items = ImagePlan.items(event, model);
        List<CompletableFuture<Batched<GeneratedImage>>> results;
        try {
            results = generator.submit(items);
        } catch (IllegalStateException closed) {
            throw new RefusedException(closed.getMessage());
        }
        return new Job(CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)), emittedAt -> {
            List<GeneratedItem> contents = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                Batched<GeneratedImage> result = results.get(i).join();
                GeneratedContent content = ImageContent.of(event, model, items.get(i), result, emittedAt);
                ImageScorer.Score score = result.value().score();
                // The classifier's features go on to windowed quality (Fréchet distance, diversity).
                contents.add(score == null ? GeneratedItem.of(content) : GeneratedItem.withFeatures(content, score.features()));
            }
            return contents;
        });
    }
}
