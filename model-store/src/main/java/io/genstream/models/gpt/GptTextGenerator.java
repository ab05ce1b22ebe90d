package io.genstream.models.gpt;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.genstream.models.text.CharVocabulary;
import io.genstream.models.text.TokenSampler;

/**
 * Runs an exported catalog-gpt the way the serving side does: {@code prefill} of each row's
 * {@code ContextPrefix.format(ctx) + prompt}, then one {@code step} per generated character, until
 * the end token or until the row's cache is full. All rows go in one batch; row i draws from its
 * own {@code Random}, so a row's text depends on its seed alone.
 */
public final class GptTextGenerator {

    private final GptSavedModel model;
    private final int maxLength;

    public GptTextGenerator(GptSavedModel model, int maxLength) {
        this.model = model;
        this.maxLength = maxLength;
    }

    /**
     * @param inputs encoded prefix + prompt per row (each at most {@code maxLength} ids)
     * @param rngs one per row
     * @return per row the generated ids, without the end token
     */
    public int[][] generate(int[][] inputs, TokenSampler sampler, List<Random> rngs) {
        int rows = inputs.length;
        int[][] generated = new int[rows][];
        int[] position = new int[rows];
        boolean[] done = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            position[r] = inputs[r].length;
        }
        int[] lengths = new int[rows];
        int[][] ids = new int[rows][maxLength];
        GptSavedModel.Next next = model.prefill(inputs);
        try {
            int remaining = rows;
            while (remaining > 0) {
                float[][] logits = next.logits();
                int[] token = new int[rows];
                int[] at = new int[rows];
                for (int r = 0; r < rows; r++) {
                    if (!done[r]) {
                        token[r] = sampler.sample(logits[r], rngs.get(r));
                        // With the cache full, a row that has not ended is cut here.
                        if (token[r] == CharVocabulary.END_ID || position[r] >= maxLength) {
                            done[r] = true;
                            remaining--;
                        } else {
                            ids[r][lengths[r]++] = token[r];
                        }
                    }
                    // A finished row keeps stepping with the end token at its last position; rows do not interact.
                    at[r] = Math.min(position[r], maxLength - 1);
                    if (done[r]) {
                        token[r] = CharVocabulary.END_ID;
                    }
                }
                if (remaining == 0) {
                    break;
                }
                GptSavedModel.Next stepped = model.step(token, at, next.state());
                next.close();
                next = stepped;
                for (int r = 0; r < rows; r++) {
                    if (!done[r]) {
                        position[r]++;
                    }
                }
            }
        } finally {
            next.close();
        }
        for (int r = 0; r < rows; r++) {
            generated[r] = Arrays.copyOf(ids[r], lengths[r]);
        }
        return generated;
    }
}
