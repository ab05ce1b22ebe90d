package io.genstream.app.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Self-BLEU (Zhu et al. 2018, "Texygen: A Benchmarking Platform for Text Generation Models"): how alike the texts
 * of a set are, as the mean sentence BLEU of each text against all the others as its references. High means the
 * generator keeps saying the same things; lower is more diverse.
 *
 * <p>Each comparison costs a pass over every other text, so at most {@code maxTexts} texts take part: all of them
 * when there are no more, else a sample drawn by {@code java.util.Random(seed)}, and each sampled text is scored
 * against the other sampled ones. Scores are BLEU-4 with {@link Bleu.Smoothing#ADD_ONE}, the smoothing of the
 * per-item {@code bleu} score, so the two read on one scale (Texygen used NLTK's method 1, so its figures differ
 * a little for short texts). A text without tokens scores 0. Fewer than two texts have no "others": the result is
 * empty.
 */
public final class SelfBleu {

    private SelfBleu() {
    }

    /** Self-BLEU of {@code texts}, on at most {@code maxTexts} of them (at least 2) sampled with {@code seed}. */
    public static OptionalDouble of(List<String> texts, int maxTexts, long seed) {
        if (maxTexts < 2) {
            throw new IllegalArgumentException("self-BLEU needs a sample of at least 2 texts, not " + maxTexts);
        }
        if (texts.size() < 2) {
            return OptionalDouble.empty();
        }
        List<CountedText> sample = new ArrayList<>();
        for (int index : SeededSample.indices(texts.size(), maxTexts, seed)) {
            sample.add(CountedText.of(WordTokenizer.tokenize(texts.get(index))));
        }
        double total = 0;
        for (int i = 0; i < sample.size(); i++) {
            List<CountedText> others = new ArrayList<>(sample);
            others.remove(i);
            total += BleuStatistics.of(sample.get(i), others).score(Bleu.Smoothing.ADD_ONE);
        }
        return OptionalDouble.of(total / sample.size());
    }
}
