package io.genstream.models.gpt;

/**
 * One encoded training sequence, {@code ContextPrefix.format(ctx) + blurb + "\n"} as ids.
 *
 * @param tokens the ids, ending with the end token
 * @param contextLength how many leading ids are the context prefix: the model is given them, it
 *     is not asked to predict them (they are drawn at random, independent of anything before)
 */
public record TrainingSequence(int[] tokens, int contextLength) {

    public TrainingSequence {
        if (tokens.length < 2 || contextLength < 0 || contextLength >= tokens.length) {
            throw new IllegalArgumentException("a training sequence needs a token to predict after its context");
        }
    }

    /** Positions the model reads: every token but the last. */
    public int inputLength() {
        return tokens.length - 1;
    }
}
