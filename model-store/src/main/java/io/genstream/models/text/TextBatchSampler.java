package io.genstream.models.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Seeded training batches over encoded sequences (for the catalog models, the encoded
 * {@link CatalogExample#trainingText()}s), for any character-level trainer.
 * {@link Mode#WHOLE_SEQUENCES}: each row is one sequence from its first token, in a fresh shuffled
 * order per epoch (what a model that starts from an empty state at the prefix needs);
 * {@link Mode#RANDOM_WINDOWS}: each row is a window starting at a random position of a random
 * sequence. Rows longer than the window are cut, shorter ones padded (see {@link TextBatch}).
 */
public final class TextBatchSampler {

    public enum Mode { WHOLE_SEQUENCES, RANDOM_WINDOWS }

    private final List<int[]> sequences;
    private final int batchSize;
    private final int length;
    private final Mode mode;
    private final Random rng;
    private final List<Integer> order = new ArrayList<>();
    private int cursor;

    /**
     * @param sequences token ids, each at least 2 long (one input and its target)
     * @param length the positions per row (inputs; the targets are the tokens one further)
     */
    public TextBatchSampler(List<int[]> sequences, int batchSize, int length, Mode mode, long seed) {
        if (sequences.isEmpty() || batchSize < 1 || length < 1) {
            throw new IllegalArgumentException("need sequences, batchSize >= 1 and length >= 1");
        }
        for (int[] s : sequences) {
            if (s.length < 2) {
                throw new IllegalArgumentException("a sequence needs at least 2 tokens");
            }
        }
        this.sequences = List.copyOf(sequences);
        this.batchSize = batchSize;
        this.length = length;
        this.mode = mode;
        this.rng = new Random(seed);
        for (int i = 0; i < sequences.size(); i++) {
            order.add(i);
        }
        this.cursor = order.size();
    }

    public TextBatch next() {
        int[] inputs = new int[batchSize * length];
        int[] targets = new int[batchSize * length];
        float[] weights = new float[batchSize * length];
        int[] lengths = new int[batchSize];
        for (int b = 0; b < batchSize; b++) {
            int[] seq;
            int start;
            if (mode == Mode.WHOLE_SEQUENCES) {
                seq = sequences.get(nextInOrder());
                start = 0;
            } else {
                seq = sequences.get(rng.nextInt(sequences.size()));
                start = rng.nextInt(seq.length - 1);
            }
            int n = Math.min(length, seq.length - 1 - start);
            for (int t = 0; t < n; t++) {
                inputs[b * length + t] = seq[start + t];
                targets[b * length + t] = seq[start + t + 1];
                weights[b * length + t] = 1f;
            }
            lengths[b] = n;
        }
        return new TextBatch(batchSize, length, inputs, targets, weights, lengths);
    }

    private int nextInOrder() {
        if (cursor == order.size()) {
            Collections.shuffle(order, rng);
            cursor = 0;
        }
        return order.get(cursor++);
    }
}
