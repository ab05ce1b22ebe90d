package io.genstream.models.export;

/**
 * What a digits-vae serves, whichever runtime runs it (the in-process TF Java graph, or the
 * exported SavedModel through DJL): the decoder as a {@link LatentImageModel}, and the encoder.
 */
public interface VaeModel extends LatentImageModel {

    /** The posteriors of {@code count} images (row-major, 28×28 each) under their labels. */
    Encoding encode(float[] images, int[] labels);
}
