package io.genstream.app.runtime;

/**
 * One instance of an autoregressive model as a {@link ContinuousBatcher} drives it: one batched prefill of the
 * prompts, then batched one-token steps, every row carrying its own state (an LSTM's h and c, a transformer's
 * KV cache) in and out as plain arrays, so the batcher can regroup rows from one call to the next.
 *
 * <p>Each row must be computed from that row alone (no cross-row ops), so a sequence gets the same logits
 * whatever shares its call. A batcher calls each instance from one worker thread only, so an implementation may
 * hold resources that are not thread-safe. It must not write into its input arrays: pad rows are passed as the
 * very arrays of row 0.
 */
public interface SequenceModel {

    /**
     * Reads prompts.
     *
     * @param tokens one prompt per row, right-padded with 0 to the longest row of the call
     * @param lengths each row's real length, at least 1
     * @return per row: the logits of the token after its last real token, and the state after that token
     * @throws Exception when the call fails; only the sequences in it fail
     */
    Output prefill(int[][] tokens, int[] lengths) throws Exception;

    /**
     * Advances every row by one token.
     *
     * @param tokens each row's newest token
     * @param positions each row's position of that token: the number of tokens already in its state
     * @param states each row's state, as the previous call for that sequence returned it
     * @return per row: the logits of the token after {@code tokens[i]}, and the state that includes it
     * @throws Exception when the call fails; only the sequences in it fail
     */
    Output step(int[] tokens, int[] positions, float[][] states) throws Exception;

    /** The most tokens a sequence may hold, prompt and generated together. */
    int maxLength();

    /**
     * What a model call returns, row {@code i} for input row {@code i}.
     *
     * @param logits {@code [rows][vocabulary size]}
     * @param states {@code [rows][state size]}
     */
    record Output(float[][] logits, float[][] states) {}
}
