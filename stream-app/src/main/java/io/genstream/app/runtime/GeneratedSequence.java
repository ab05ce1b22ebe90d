package io.genstream.app.runtime;

/**
 * One finished sequence, with what an output record needs to explain its latency.
 *
 * @param tokens the generated token ids, in order (the prompt is not repeated); the caller owns the array
 * @param finish why it ended
 * @param logProbSum the sum of the chooser's log-probabilities, NaN if it did not report one for every token
 * @param steps how many {@link SequenceModel#step} calls it took part in (one per token after the first)
 * @param queueMs from submit until its prefill started
 * @param firstTokenMs from submit until its first token was chosen (time to first token)
 * @param totalMs from submit until it finished
 * @param meanSequences the mean number of sequences (itself included, padding not) in the model calls it took part
 *     in, prefill and steps: how much it shared the model
 */
public record GeneratedSequence(int[] tokens, FinishReason finish, double logProbSum, int steps, double queueMs,
        double firstTokenMs, double totalMs, double meanSequences) {}
