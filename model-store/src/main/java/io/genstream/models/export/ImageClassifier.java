package io.genstream.models.export;

/**
 * What a digits-eval serves, whichever runtime runs it (the in-process TF Java graph, or the
 * exported SavedModel through DJL): so its figures can be recomputed from the exported files.
 */
public interface ImageClassifier {

    int numClasses();

    int featureDim();

    /** Class probabilities and features of {@code images} (row-major, 28×28 each, in [0, 1]). */
    Classification classify(float[] images);
}
