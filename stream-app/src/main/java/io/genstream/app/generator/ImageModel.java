package io.genstream.app.generator;

import java.util.List;

/** An image generator: latents and class labels in, images with realism scores out. */
public interface ImageModel extends AutoCloseable {

    ImageModelInfo info();

    /**
     * Generates one image per row of {@code latents}, conditioned on the label of the same row.
     * Thread-safe.
     *
     * @param latents n × latentDim
     * @param labels n labels in 0..numClasses-1
     * @return n images, in order
     */
    List<GeneratedImage> generate(float[][] latents, int[] labels) throws GenerationException;

    @Override
    void close();
}
