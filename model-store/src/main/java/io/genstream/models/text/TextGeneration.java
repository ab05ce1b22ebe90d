package io.genstream.models.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Batched sampling from a {@link TextModel}: prefill every input, then one {@code step} per new
 * token for all rows together until each row has produced the end token or reached the model's
 * {@code maxLength}. Row {@code i} draws from {@code new Random(seeds[i])}, so its text depends on
 * its seed and input only.
 */
public final class TextGeneration {

    private TextGeneration() {}

    /** @return per input, the generated characters (without the end token) */
    public static List<String> generate(TextModel model, List<String> inputs, TokenSampler sampler, long[] seeds) {
        CharVocabulary vocabulary = CharVocabulary.catalog();
        int rows = inputs.size();
        int[][] encoded = new int[rows][];
        Random[] rngs = new Random[rows];
        StringBuilder[] out = new StringBuilder[rows];
        int[] positions = new int[rows];
        for (int r = 0; r < rows; r++) {
            encoded[r] = vocabulary.encode(inputs.get(r));
            rngs[r] = new Random(seeds[r]);
            out[r] = new StringBuilder();
            positions[r] = encoded[r].length;
        }
        boolean[] done = new boolean[rows];
        TextModel.Output state = model.prefill(encoded);
        int[] next = new int[rows];
        while (true) {
            boolean anyActive = false;
            for (int r = 0; r < rows; r++) {
                if (done[r]) {
                    continue;
                }
                int token = sampler.sample(state.logits()[r], rngs[r]);
                if (token == CharVocabulary.END_ID) {
                    done[r] = true;
                    continue;
                }
                out[r].append(vocabulary.chars().charAt(token));
                next[r] = token;
                anyActive = true;
            }
            for (int r = 0; r < rows; r++) {
                // A row that is full stops here; a finished row is still fed (its token ignored) so batches keep their size.
                if (!done[r] && positions[r] + 1 >= model.maxLength()) {
                    done[r] = true;
                }
            }
            if (!anyActive || allTrue(done)) {
                break;
            }
            state = model.step(next, Arrays.copyOf(positions, rows), state.state());
            for (int r = 0; r < rows; r++) {
                positions[r]++;
            }
        }
        List<String> texts = new ArrayList<>(rows);
        for (StringBuilder b : out) {
            texts.add(b.toString());
        }
        return texts;
    }

    private static boolean allTrue(boolean[] values) {
        for (boolean v : values) {
            if (!v) {
                return false;
            }
        }
        return true;
    }
}
