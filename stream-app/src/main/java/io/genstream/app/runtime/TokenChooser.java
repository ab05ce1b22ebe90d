package io.genstream.app.runtime;

/**
 * The caller's side of one generated sequence: turns the logits of the next position into the next token, and
 * says when the sequence is done. The caller samples with its own seeded random source, so a request's text
 * does not depend on what it was batched with.
 *
 * <p>A {@link ContinuousBatcher} calls it exactly once per generated token, in order, always from the one worker
 * thread that holds the sequence, so an implementation needs no locking. It also stops a sequence on its own
 * once the model's {@link SequenceModel#maxLength()} is reached.
 */
@FunctionalInterface
public interface TokenChooser {

    /**
     * Chooses the next token.
     *
     * @param logits the logits of the next position (the array is the chooser's to keep or change)
     * @return the token, and whether it is the last one; a thrown exception fails this sequence only
     */
    Choice choose(float[] logits);

    /**
     * One chosen token.
     *
     * @param token the token id, in {@code [0, logits.length)}
     * @param logProb its log-probability, or NaN when the chooser does not report one
     * @param finish why the sequence ends with this token, or {@code null} when it goes on
     */
    record Choice(int token, double logProb, FinishReason finish) {

        /** A token the sequence goes on after. */
        public static Choice next(int token, double logProb) {
            return new Choice(token, logProb, null);
        }

        /** The last token of the sequence (kept in the output; the caller trims an end token or stop string). */
        public static Choice last(int token, double logProb, FinishReason why) {
            if (why == null) {
                throw new IllegalArgumentException("a last token needs its finish reason");
            }
            return new Choice(token, logProb, why);
        }
    }
}
