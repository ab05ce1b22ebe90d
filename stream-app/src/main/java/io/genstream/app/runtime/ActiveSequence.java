package io.genstream.app.runtime;

import io.genstream.app.runtime.BatchQueue.Pending;
import io.genstream.app.runtime.TokenChooser.Choice;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * One admitted sequence on its worker: its tokens so far, its model state, and the facts its result reports.
 * Touched by its worker thread only (close() merely completes its future).
 */
final class ActiveSequence<S> {

    private final int[] prompt;
    private final TokenChooser chooser;
    private final CompletableFuture<GeneratedSequence> future;
    private final long enqueuedNanos;
    private final long admittedNanos;
    private final int maxLength;

    private int[] generated = new int[16];
    private int count;
    private double logProbSum;
    private S state;
    private int steps;
    private long sequencesShared; // summed over the model calls it was in, itself included
    private long firstTokenNanos;
    private FinishReason finish;

    ActiveSequence(Pending<SequenceRequest, GeneratedSequence> pending, long admittedNanos, int maxLength) {
        this.prompt = pending.item().prompt();
        this.chooser = pending.item().chooser();
        this.future = pending.future();
        this.enqueuedNanos = pending.enqueuedNanos();
        this.admittedNanos = admittedNanos;
        this.maxLength = maxLength;
    }

    int[] prompt() {
        return prompt;
    }

    /** The newest token, which the next step feeds. */
    int lastToken() {
        return generated[count - 1];
    }

    /** The position of {@link #lastToken()}: how many tokens the state already holds. */
    int lastPosition() {
        return prompt.length + count - 1;
    }

    S state() {
        return state;
    }

    /** Takes the state away (it goes back to the model); null when there is none. */
    S takeState() {
        S taken = state;
        state = null;
        return taken;
    }

    /**
     * Takes one model call's row for this sequence and lets the chooser pick the next token.
     *
     * @param sequences how many sequences shared the call
     * @param step whether the call was a step (else the prefill)
     * @return whether the sequence is finished
     * @throws RuntimeException what the chooser threw, or an {@link IllegalStateException} for a token outside
     *     the vocabulary; either fails this sequence only
     */
    boolean advance(float[] logits, S nextState, int sequences, boolean step) {
        state = nextState;
        sequencesShared += sequences;
        if (step) {
            steps++;
        }
        int vocabulary = logits.length;
        Choice choice = chooser.choose(logits);
        if (choice == null || choice.token() < 0 || choice.token() >= vocabulary) {
            throw new IllegalStateException("token chooser returned " + (choice == null ? "nothing"
                    : "token " + choice.token()) + " for a vocabulary of " + vocabulary);
        }
        if (count == generated.length) {
            generated = Arrays.copyOf(generated, 2 * count);
        }
        generated[count++] = choice.token();
        logProbSum += choice.logProb();
        if (count == 1) {
            firstTokenNanos = System.nanoTime();
        }
        if (choice.finish() != null) {
            finish = choice.finish();
        } else if (prompt.length + count >= maxLength) {
            finish = FinishReason.MAX_LENGTH; // the newest token has no position left to be fed at
        }
        return finish != null;
    }

    /** The result of a finished sequence. */
    GeneratedSequence result() {
        long now = System.nanoTime();
        return new GeneratedSequence(Arrays.copyOf(generated, count), finish, logProbSum, steps,
                millis(admittedNanos - enqueuedNanos), millis(firstTokenNanos - enqueuedNanos),
                millis(now - enqueuedNanos), (double) sequencesShared / (steps + 1));
    }

    void complete(GeneratedSequence result) {
        future.complete(result);
    }

    void fail(Throwable reason) {
        future.completeExceptionally(reason);
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
