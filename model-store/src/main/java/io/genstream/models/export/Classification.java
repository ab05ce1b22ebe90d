package io.genstream.models.export;

/**
 * A classifier's outputs for a batch: {@code probabilities} row-major {@code [count × numClasses]}
 * and {@code features} row-major {@code [count × featureDim]}.
 */
public record Classification(float[] probabilities, float[] features, int numClasses, int featureDim) {

    public int count() {
        return probabilities.length / numClasses;
    }

    /** The most probable class of row {@code row} (the lowest index on a tie). */
    public int predictedClass(int row) {
        int best = 0;
        for (int c = 1; c < numClasses; c++) {
            if (probabilities[row * numClasses + c] > probabilities[row * numClasses + best]) {
                best = c;
            }
        }
        return best;
    }

    /** The probability of the predicted class of row {@code row}: the per-item {@code classConfidence}. */
    public float confidence(int row) {
        return probabilities[row * numClasses + predictedClass(row)];
    }

    /** The feature vector of row {@code row} as its own array. */
    public float[] features(int row) {
        float[] h = new float[featureDim];
        System.arraycopy(features, row * featureDim, h, 0, featureDim);
        return h;
    }
}
