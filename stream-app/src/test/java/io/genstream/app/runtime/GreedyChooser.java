package io.genstream.app.runtime;

import io.genstream.app.runtime.TokenChooser.Choice;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A caller's chooser for tests: takes the largest logit, reports its log-softmax, and ends the sequence with
 * MAX_TOKENS after {@code maxTokens} tokens. Records every logits array it was given and the threads that called it.
 */
public final class GreedyChooser implements TokenChooser {

    public final List<float[]> seen = new CopyOnWriteArrayList<>();
    public final Set<String> threads = ConcurrentHashMap.newKeySet();
    private final int maxTokens;

    public GreedyChooser(int maxTokens) {
        this.maxTokens = maxTokens;
    }

    /** A request for {@code prompt} with a chooser that stops after {@code maxTokens}. */
    public static SequenceRequest request(int maxTokens, int... prompt) {
        return new SequenceRequest(prompt, new GreedyChooser(maxTokens));
    }

    @Override
    public Choice choose(float[] logits) {
        seen.add(logits.clone());
        threads.add(Thread.currentThread().getName());
        int token = ChainModel.argmax(logits);
        double logProb = logProb(logits, token);
        return seen.size() >= maxTokens ? Choice.last(token, logProb, FinishReason.MAX_TOKENS)
                : Choice.next(token, logProb);
    }

    /** The log-softmax of {@code logits} at {@code token}. */
    public static double logProb(float[] logits, int token) {
        double max = Double.NEGATIVE_INFINITY;
        for (float logit : logits) {
            max = Math.max(max, logit);
        }
        double sum = 0;
        for (float logit : logits) {
            sum += Math.exp(logit - max);
        }
        return logits[token] - max - Math.log(sum);
    }
}
