package io.genstream.app.generator;

import java.util.List;

/**
 * Scores generated images with an image classifier ({@code digits-eval}): per image, its class
 * probabilities and its feature vector (the space windowed quality measures Fréchet distance and
 * diversity in). Thread-safe; calls may run at once up to the scorer's instance count.
 */
public interface ImageScorer extends AutoCloseable {

    /** What the classifier says of one image. */
    record Score(float[] probabilities, float[] features) {

        /** The most likely class. */
        public int predictedClass() {
            int best = 0;
            for (int i = 1; i < probabilities.length; i++) {
                if (probabilities[i] > probabilities[best]) {
                    best = i;
                }
            }
            return best;
        }

        /** The probability of the most likely class. */
        public double confidence() {
            return probabilities[predictedClass()];
        }
    }

    /** {@code name@version} of the classifier. */
    String id();

    /**
     * @param images row-major pixels in [0,1], each {@code width × height} of the classifier
     * @return one score per image, in order
     */
    List<Score> score(List<float[]> images) throws GenerationException;

    @Override
    void close();
}
