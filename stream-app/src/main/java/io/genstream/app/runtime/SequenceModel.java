package io.genstream.app.runtime;

import java.util.List;

/**
 * One instance of an autoregressive model as a {@link ContinuousBatcher} drives it: one batched prefill of the
 * prompts, then batched one-token steps, every row carrying its own state (an LSTM's h and c, a transformer's
 * KV cache) from one call to the next, so the batcher can regroup rows between calls.
 *
 * <p>A row's state is whatever the model hands out ({@code S}): plain arrays, or a handle on memory the model
 * keeps (a row of a tensor that stays inside the inference engine, so a step need not copy caches through Java).
 * Every state a call hands out is given back exactly once: fed to a later {@link #step}, which consumes it
 * whether the call succeeds or fails, or passed to {@link #release} when its sequence ends.
 *
 * <p>Each row must be computed from that row alone (no cross-row ops), so a sequence gets the same logits
 * whatever shares its call. A batcher calls each instance from one worker thread only, so an implementation may
 * hold resources that are not thread-safe. Pad rows are passed as the very object of row 0 (consumed once).
 *
 * @param <S> a row's state
 */
public interface SequenceModel<S> {

    /**
     * Reads prompts.
     *
     * @param tokens one prompt per row, right-padded with 0 to the longest row of the call
     * @param lengths each row's real length, at least 1
     * @return per row: the logits of the token after its last real token, and the state after that token
     * @throws Exception when the call fails; only the sequences in it fail
     */
    Output<S> prefill(int[][] tokens, int[] lengths) throws Exception;

    /**
     * Advances every row by one token.
     *
     * @param tokens each row's newest token
     * @param positions each row's position of that token: the number of tokens already in its state
     * @param states each row's state, as the previous call for that sequence returned it; consumed
     * @return per row: the logits of the token after {@code tokens[i]}, and the state that includes it
     * @throws Exception when the call fails; only the sequences in it fail
     */
    Output<S> step(int[] tokens, int[] positions, List<S> states) throws Exception;

    /** Gives back a state no step will take: its sequence ended. */
    default void release(S state) {}

    /** The most tokens a sequence may hold, prompt and generated together. */
    int maxLength();

    /**
     * What a model call returns, row {@code i} for input row {@code i}.
     *
     * @param logits {@code [inputs][vocabulary size]}
     * @param states one state per input
     * @param computed the rows the call computed: the inputs, and any spare rows the model let ride along
     */
    record Output<S>(float[][] logits, List<S> states, int computed) {

        /** A call that computed exactly its inputs. */
        public Output(float[][] logits, List<S> states) {
            this(logits, states, logits == null ? 0 : logits.length);
        }
    }
}
