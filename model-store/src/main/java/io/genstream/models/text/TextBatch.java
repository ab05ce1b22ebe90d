package io.genstream.models.text;

/**
 * One training batch of token sequences, row-major {@code [batchSize, length]}: {@code inputs} and
 * the next tokens as {@code targets}, right-padded with id 0; {@code weights} is 1 where the target
 * is real and 0 on padding; {@code lengths[b]} counts row b's real positions (at least 1).
 */
public record TextBatch(int batchSize, int length, int[] inputs, int[] targets, float[] weights, int[] lengths) {

    /** The number of real (weighted) target positions in the batch. */
    public int tokenCount() {
        int n = 0;
        for (int l : lengths) {
            n += l;
        }
        return n;
    }
}
