package io.genstream.models.gpt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.genstream.models.text.CatalogExample;
import io.genstream.models.text.CatalogGrammar;
import io.genstream.models.text.CharVocabulary;
import io.genstream.models.text.ContextPrefix;
import io.genstream.models.text.TokenSampler;

/**
 * Quality figures of an exported catalog-gpt, measured through its serving signatures:
 *
 * <ul>
 *   <li>held-out per-character perplexity: {@code exp} of the mean negative log-likelihood of
 *       every blurb character and the end token, each given the context prefix and the blurb
 *       before it (teacher forcing through {@code prefill} + {@code step});
 *   <li>of samples drawn at a temperature from the held-out contexts with an empty prompt, the
 *       fraction that is a sentence of the grammar, and the fraction that also fits its context.
 * </ul>
 */
public final class GptEvaluator {

    /** Rows per model call: the KV caches of a chunk stay small (rows × stateSize floats). */
    static final int CHUNK = 100;

    private final GptSavedModel model;
    private final GptArchitecture arch;
    private final CharVocabulary vocabulary;

    public GptEvaluator(GptSavedModel model, GptArchitecture arch, CharVocabulary vocabulary) {
        this.model = model;
        this.arch = arch;
        this.vocabulary = vocabulary;
    }

    /** One generated blurb and what the grammar says of it. */
    public record Sample(Map<String, String> context, String prompt, String text, boolean valid, boolean fitsContext) {}

    /** Negative log-likelihood (nats) of each example's blurb characters and end token, and their count. */
    public record Likelihood(double[] nll, int[] characters) {

        public double perplexity() {
            double total = 0;
            long count = 0;
            for (int i = 0; i < nll.length; i++) {
                total += nll[i];
                count += characters[i];
            }
            return Math.exp(total / count);
        }
    }

    public Likelihood likelihood(List<CatalogExample> examples) {
        double[] nll = new double[examples.size()];
        int[] characters = new int[examples.size()];
        for (int start = 0; start < examples.size(); start += CHUNK) {
            List<CatalogExample> chunk = examples.subList(start, Math.min(examples.size(), start + CHUNK));
            int[][] prefixes = new int[chunk.size()][];
            int[][] blurbs = new int[chunk.size()][];
            int longest = 0;
            for (int r = 0; r < chunk.size(); r++) {
                prefixes[r] = vocabulary.encode(ContextPrefix.format(chunk.get(r).context()));
                blurbs[r] = vocabulary.encode(chunk.get(r).blurb() + CharVocabulary.END_CHAR);
                characters[start + r] = blurbs[r].length;
                longest = Math.max(longest, blurbs[r].length);
            }
            GptSavedModel.Next next = model.prefill(prefixes);
            try {
                for (int k = 0; k < longest; k++) {
                    float[][] logits = next.logits();
                    int[] token = new int[chunk.size()];
                    int[] position = new int[chunk.size()];
                    for (int r = 0; r < chunk.size(); r++) {
                        if (k < blurbs[r].length) {
                            nll[start + r] -= TokenSampler.logProb(logits[r], blurbs[r][k]);
                            token[r] = blurbs[r][k];
                        }
                        // Rows already done step on harmlessly at their last position.
                        position[r] = Math.min(prefixes[r].length + k, arch.maxLength() - 1);
                    }
                    if (k + 1 < longest) {
                        GptSavedModel.Next stepped = model.step(token, position, next.state());
                        next.close();
                        next = stepped;
                    }
                }
            } finally {
                next.close();
            }
        }
        return new Likelihood(nll, characters);
    }

    /**
     * Blurbs for the contexts of {@code examples}, after {@code prompts.get(i)}, row i drawing from
     * {@code new Random(seed + i)}.
     */
    public List<Sample> sample(List<CatalogExample> examples, List<String> prompts, float temperature, long seed) {
        TokenSampler sampler = new TokenSampler(temperature, null, null);
        GptTextGenerator generator = new GptTextGenerator(model, arch.maxLength());
        List<Sample> samples = new ArrayList<>();
        for (int start = 0; start < examples.size(); start += CHUNK) {
            int end = Math.min(examples.size(), start + CHUNK);
            int[][] inputs = new int[end - start][];
            List<Random> rngs = new ArrayList<>();
            for (int i = start; i < end; i++) {
                inputs[i - start] = vocabulary.encode(ContextPrefix.format(examples.get(i).context()) + prompts.get(i));
                rngs.add(new Random(seed + i));
            }
            int[][] generated = generator.generate(inputs, sampler, rngs);
            for (int i = start; i < end; i++) {
                Map<String, String> context = examples.get(i).context();
                String text = prompts.get(i) + vocabulary.decode(generated[i - start]);
                samples.add(new Sample(context, prompts.get(i), text,
                        CatalogGrammar.isValid(text), CatalogGrammar.isValid(text, context)));
            }
        }
        return samples;
    }

    /** The manifest's figures: perplexity on {@code heldOut}, validity rates of {@code samples}. */
    public static Map<String, Object> figures(Likelihood likelihood, List<Sample> samples, float temperature) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("heldOutPerplexity", likelihood.perplexity());
        figures.put("heldOutExamples", likelihood.nll().length);
        figures.put("perplexityOver", "blurb characters and the end token, given the context prefix");
        figures.put("grammarValidRate", rate(samples, true));
        figures.put("contextConsistentRate", rate(samples, false));
        figures.put("samples", samples.size());
        figures.put("sampleTemperature", temperature);
        figures.put("samplePrompt", "empty (generation starts right after the context prefix)");
        return figures;
    }

    /** Fraction of samples that are grammar-valid ({@code anyContext}) or also fit their context. */
    public static double rate(List<Sample> samples, boolean anyContext) {
        long ok = samples.stream().filter(s -> anyContext ? s.valid() : s.fitsContext()).count();
        return (double) ok / samples.size();
    }
}
