package io.genstream.models.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Quality figures of a catalog text model, measured through its {@link TextModel} contract:
 * per-character perplexity of held-out blurbs given their context prefix, and samples checked
 * against the grammar (is it a blurb at all?) and against their context (does it fit it?).
 */
public final class CatalogEvaluation {

    /** One generated blurb: the prompt it continues is its start, so {@code blurb} includes it. */
    public record Sample(Map<String, String> context, String prompt, String blurb, boolean grammarValid, boolean contextValid) {}

    private CatalogEvaluation() {}

    /**
     * {@code exp} of the mean negative log-likelihood per character of each example's blurb and its
     * end token, given {@code ContextPrefix.format(context)}: the prefix is read, not scored (its
     * values are drawn at random, and the model is never asked to write one).
     */
    public static double blurbPerplexity(TextModel model, List<CatalogExample> examples, int batchSize) {
        double nll = 0;
        long count = 0;
        for (int from = 0; from < examples.size(); from += batchSize) {
            List<CatalogExample> batch = examples.subList(from, Math.min(examples.size(), from + batchSize));
            int rows = batch.size();
            int[][] prefixes = new int[rows][];
            int[][] targets = new int[rows][];
            int longest = 0;
            for (int r = 0; r < rows; r++) {
                prefixes[r] = CharVocabulary.catalog().encode(ContextPrefix.format(batch.get(r).context()));
                targets[r] = CharVocabulary.catalog().encode(batch.get(r).blurb() + CharVocabulary.END_CHAR);
                longest = Math.max(longest, targets[r].length);
            }
            TextModel.Output out = model.prefill(prefixes);
            for (int i = 0; i < longest; i++) {
                int[] tokens = new int[rows];
                int[] positions = new int[rows];
                for (int r = 0; r < rows; r++) {
                    if (i < targets[r].length) {
                        nll -= TokenSampler.logProb(out.logits()[r], targets[r][i]);
                        count++;
                        tokens[r] = targets[r][i];
                    }
                    positions[r] = prefixes[r].length + i;
                }
                if (i + 1 < longest) {
                    out = model.step(tokens, positions, out.state());
                }
            }
        }
        return Math.exp(nll / count);
    }

    /**
     * Samples one blurb per example's context, continuing {@code prompts.get(i)} (may be empty); row
     * {@code i} uses seed {@code seed + i}.
     */
    public static List<Sample> sample(TextModel model, List<CatalogExample> examples, List<String> prompts,
            TokenSampler sampler, long seed, int batchSize) {
        List<Sample> samples = new ArrayList<>();
        for (int from = 0; from < examples.size(); from += batchSize) {
            int to = Math.min(examples.size(), from + batchSize);
            List<String> inputs = new ArrayList<>();
            long[] seeds = new long[to - from];
            for (int i = from; i < to; i++) {
                inputs.add(ContextPrefix.format(examples.get(i).context()) + prompts.get(i));
                seeds[i - from] = seed + i;
            }
            List<String> generated = TextGeneration.generate(model, inputs, sampler, seeds);
            for (int i = from; i < to; i++) {
                Map<String, String> context = examples.get(i).context();
                String blurb = prompts.get(i) + generated.get(i - from);
                samples.add(new Sample(context, prompts.get(i), blurb,
                        CatalogGrammar.isValid(blurb), CatalogGrammar.isValid(blurb, context)));
            }
        }
        return samples;
    }

    public static double rate(List<Sample> samples, Predicate<Sample> test) {
        return samples.stream().filter(test).count() / (double) samples.size();
    }
}
