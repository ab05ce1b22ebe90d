package io.genstream.app.generator;

import io.genstream.app.runtime.BatchSettings;
import io.genstream.app.runtime.Batched;
import io.genstream.app.runtime.BatcherListener;
import io.genstream.app.runtime.CapacityExceededException;
import io.genstream.app.runtime.DynamicBatcher;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A served image model version: the model's instance group behind one dynamic batcher, so items
 * from every stream task and thread share model calls.
 */
public final class ImageGenerator implements AutoCloseable {

    private final ImageModel model;
    private final DynamicBatcher<ImageItem, GeneratedImage> batcher;

    public ImageGenerator(ImageModel model, BatchSettings settings, BatcherListener listener) {
        this.model = model;
        this.batcher = settings.batcher(model.info().id(), model.instances(), listener);
    }

    public ImageModelInfo info() {
        return model.info();
    }

    /** The model itself, for direct (unbatched) calls such as the benchmark's limit. */
    public ImageModel model() {
        return model;
    }

    /**
     * Queues all items of one request, or none.
     *
     * @throws CapacityExceededException when the queue has no room for them now
     */
    public List<CompletableFuture<Batched<GeneratedImage>>> submit(List<ImageItem> items) {
        return batcher.submitAll(items);
    }

    /** Items queued and not yet in a model call. */
    public int queueDepth() {
        return batcher.queueDepth();
    }

    @Override
    public void close() {
        batcher.close();
        model.close();
    }
}
