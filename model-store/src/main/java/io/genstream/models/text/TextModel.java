package io.genstream.models.text;

/**
 * A character-level text model behind the {@link TextSignatures} contract, row by row: what
 * generation and evaluation need, whatever runs the model.
 */
public interface TextModel extends AutoCloseable {

    /** Next-token logits {@code [rows][V]} and the state after each row's tokens {@code [rows][S]}. */
    record Output(float[][] logits, float[][] state) {}

    /** @param tokens one row per sequence, each at least one token; rows may differ in length */
    Output prefill(int[][] tokens);

    /** @param positions per row, the number of tokens already in its state */
    Output step(int[] tokens, int[] positions, float[][] state);

    /** The most tokens a sequence may hold, prefix and generated together. */
    int maxLength();

    @Override
    void close();
}
