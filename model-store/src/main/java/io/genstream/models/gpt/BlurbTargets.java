package io.genstream.models.gpt;

import io.genstream.models.text.TextBatch;

/**
 * Turns a whole-sequence {@link TextBatch} into what the GPT trains on: only the blurb's characters
 * and the end token are targets (the context prefix, up to and including its closing character,
 * is given to the model, not predicted: its values are drawn at random and nothing before them
 * tells them), and the batch is cut to its longest row, rounded up to a multiple of
 * {@value #WIDTH_QUANTUM} so that TF sets its kernels up for few distinct shapes.
 */
final class BlurbTargets {

    static final int WIDTH_QUANTUM = 16;

    /** Row-major {@code rows × width} inputs, targets and loss weights. */
    record Batch(int rows, int width, int[] inputs, int[] targets, float[] weights) {

        double weightSum() {
            double sum = 0;
            for (float w : weights) {
                sum += w;
            }
            return sum;
        }
    }

    private BlurbTargets() {}

    /**
     * @param contextEndId the id closing the context prefix; a row without it is all blurb
     */
    static Batch of(TextBatch batch, int contextEndId) {
        int longest = 1;
        for (int l : batch.lengths()) {
            longest = Math.max(longest, l);
        }
        int width = Math.min(batch.length(), (longest + WIDTH_QUANTUM - 1) / WIDTH_QUANTUM * WIDTH_QUANTUM);
        int rows = batch.batchSize();
        int[] inputs = new int[rows * width];
        int[] targets = new int[rows * width];
        float[] weights = new float[rows * width];
        for (int b = 0; b < rows; b++) {
            int from = b * batch.length();
            System.arraycopy(batch.inputs(), from, inputs, b * width, width);
            System.arraycopy(batch.targets(), from, targets, b * width, width);
            boolean inBlurb = !contains(batch.inputs(), from, batch.lengths()[b], contextEndId);
            for (int t = 0; t < width; t++) {
                // Target t is token t+1: the first blurb character is the target at the context's end.
                inBlurb |= batch.inputs()[from + t] == contextEndId;
                weights[b * width + t] = inBlurb ? batch.weights()[from + t] : 0f;
            }
        }
        return new Batch(rows, width, inputs, targets, weights);
    }

    private static boolean contains(int[] values, int from, int count, int value) {
        for (int i = from; i < from + count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }
}
