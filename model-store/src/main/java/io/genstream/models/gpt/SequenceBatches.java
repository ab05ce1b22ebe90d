package io.genstream.models.gpt;

import java.util.List;
import java.util.Random;

/**
 * Seeded teacher-forcing batches: whole sequences in epoch order (a Fisher–Yates shuffle per
 * epoch), inputs right-padded with the end token to the batch's longest input rounded up to a
 * multiple of {@value #WIDTH_QUANTUM} (few distinct shapes, so TF's kernels are set up few times),
 * targets shifted by one, and a loss weight of 1 exactly where the target is a blurb character or
 * the end token.
 */
final class SequenceBatches {

    static final int WIDTH_QUANTUM = 16;

    /** Row-major {@code rows × width} inputs, targets and weights. */
    record Batch(int rows, int width, int[] inputs, int[] targets, float[] weights) {}

    private final List<TrainingSequence> data;
    private final int batchSize;
    private final int maxLength;
    private final Random orderRng;
    private final int[] order;
    private int cursor;

    SequenceBatches(List<TrainingSequence> data, int batchSize, int maxLength, long seed) {
        for (TrainingSequence s : data) {
            if (s.inputLength() > maxLength) {
                throw new IllegalArgumentException("a sequence of " + s.tokens().length + " tokens exceeds maxLength " + maxLength);
            }
        }
        this.data = data;
        this.batchSize = batchSize;
        this.maxLength = maxLength;
        this.orderRng = new Random(seed * 0x5DEECE66DL + 3);
        this.order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        this.cursor = order.length;
    }

    Batch next() {
        TrainingSequence[] rows = new TrainingSequence[batchSize];
        int longest = 1;
        for (int b = 0; b < batchSize; b++) {
            if (cursor == order.length) {
                shuffle();
                cursor = 0;
            }
            rows[b] = data.get(order[cursor++]);
            longest = Math.max(longest, rows[b].inputLength());
        }
        return pad(rows, Math.min(maxLength, roundUp(longest)));
    }

    /** The given sequences as one batch of the given width (also used for held-out loss). */
    static Batch pad(TrainingSequence[] rows, int width) {
        int[] inputs = new int[rows.length * width];
        int[] targets = new int[rows.length * width];
        float[] weights = new float[rows.length * width];
        for (int b = 0; b < rows.length; b++) {
            int[] tokens = rows[b].tokens();
            int firstTarget = Math.max(1, rows[b].contextLength());
            for (int t = 0; t < rows[b].inputLength(); t++) {
                inputs[b * width + t] = tokens[t];
                targets[b * width + t] = tokens[t + 1];
                weights[b * width + t] = t + 1 >= firstTarget ? 1f : 0f;
            }
        }
        return new Batch(rows.length, width, inputs, targets, weights);
    }

    private static int roundUp(int length) {
        return (length + WIDTH_QUANTUM - 1) / WIDTH_QUANTUM * WIDTH_QUANTUM;
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = orderRng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
