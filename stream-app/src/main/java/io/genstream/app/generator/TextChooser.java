package io.genstream.app.generator;

import io.genstream.app.runtime.FinishReason;
import io.genstream.app.runtime.TokenChooser;
import io.genstream.models.text.CharVocabulary;
import io.genstream.models.text.TokenSampler;
import java.util.List;
import java.util.Random;

/**
 * Samples one request's tokens with its own seeded random source (one draw per token), so its text
 * depends only on its seed, its settings and the model, never on what it was batched with; and
 * ends it at the end-of-text token, at a stop string, or after {@code maxTokens}.
 */
final class TextChooser implements TokenChooser {

    private final TokenSampler sampler;
    private final Random random;
    private final int maxTokens;
    private final List<String> stop;
    private final CharVocabulary vocabulary;
    private final StringBuilder text = new StringBuilder();
    private int generated;

    TextChooser(TextPlan plan, CharVocabulary vocabulary) {
        this.sampler = plan.sampler();
        this.random = new Random(plan.seed());
        this.maxTokens = plan.maxTokens();
        this.stop = plan.stop();
        this.vocabulary = vocabulary;
    }

    @Override
    public Choice choose(float[] logits) {
        int token = sampler.sample(logits, random);
        double logProb = TokenSampler.logProb(logits, token);
        generated++;
        if (token == CharVocabulary.END_ID) {
            return Choice.last(token, logProb, FinishReason.END);
        }
        text.append(vocabulary.chars().charAt(token));
        if (endsWithStop()) {
            return Choice.last(token, logProb, FinishReason.STOP);
        }
        if (generated >= maxTokens) {
            return Choice.last(token, logProb, FinishReason.MAX_TOKENS);
        }
        return Choice.next(token, logProb);
    }

    private boolean endsWithStop() {
        for (String s : stop) {
            if (!s.isEmpty() && endsWith(s)) {
                return true;
            }
        }
        return false;
    }

    private boolean endsWith(String suffix) {
        int offset = text.length() - suffix.length();
        if (offset < 0) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            if (text.charAt(offset + i) != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
