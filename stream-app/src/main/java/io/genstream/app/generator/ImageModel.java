package io.genstream.app.generator;

import io.genstream.app.runtime.BatchHandler;
import java.util.Collections;
import java.util.List;

/** An image generator: latents and class labels in, images with realism scores out. */
public interface ImageModel extends AutoCloseable {

    ImageModelInfo info();

    /**
     * Generates one image per row of {@code latents}, conditioned on the label of the same row.
     * Thread-safe; at most {@link #instanceCount()} calls run at once.
     *
     * @param latents n × latentDim
     * @param labels n labels in 0..numClasses-1
     * @return n images, in order
     */
    List<GeneratedImage> generate(float[][] latents, int[] labels) throws GenerationException;

    /** How many model instances (across all devices) can run calls at the same time. */
    default int instanceCount() {
        return 1;
    }

    /** One batch handler per instance: the instance group the dynamic batcher drives. */
    default List<BatchHandler<ImageItem, GeneratedImage>> instances() {
        BatchHandler<ImageItem, GeneratedImage> handler = this::generate;
        return Collections.nCopies(instanceCount(), handler);
    }

    /** A batch of planned items as one model call. */
    default List<GeneratedImage> generate(List<ImageItem> items) throws GenerationException {
        float[][] latents = new float[items.size()][];
        int[] labels = new int[items.size()];
        for (int i = 0; i < items.size(); i++) {
            latents[i] = items.get(i).latent();
            labels[i] = items.get(i).label();
        }
        return generate(latents, labels);
    }

    @Override
    void close();
}
