package io.genstream.models.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.genstream.models.text.CatalogEvaluation;
import io.genstream.models.text.CatalogExample;
import io.genstream.models.text.ContextPrefix;
import io.genstream.models.text.TextModel;
import io.genstream.models.text.TokenSampler;

/**
 * The evaluation figures of a catalog text model, measured on the exported model: held-out
 * blurb perplexity, and the share of blurbs sampled at temperature 0.8 (held-out contexts, empty
 * prompt) that the grammar accepts, and that also fit their context. Writes {@code samples.txt}:
 * further samples, a third each continuing no prompt, the first word and the first three words of
 * the held-out blurb.
 */
final class CatalogLstmEvaluator {

    static final String SAMPLES_FILE = "samples.txt";
    static final double TEMPERATURE = 0.8;
    static final long SAMPLE_SEED = 1;
    static final int SAMPLE_LINES = 30;
    private static final int BATCH = 100;

    private final int samples;

    CatalogLstmEvaluator(int samples) {
        this.samples = samples;
    }

    Map<String, Object> evaluate(TextModel model, List<CatalogExample> heldOut, Path dir) throws IOException {
        TokenSampler sampler = new TokenSampler((float) TEMPERATURE, null, null);
        List<CatalogExample> contexts = cycle(heldOut, 0, samples);
        List<CatalogEvaluation.Sample> drawn = CatalogEvaluation.sample(
                model, contexts, emptyPrompts(samples), sampler, SAMPLE_SEED, BATCH);

        List<CatalogExample> lineContexts = cycle(heldOut, samples, SAMPLE_LINES);
        List<String> prompts = new ArrayList<>();
        for (int i = 0; i < SAMPLE_LINES; i++) {
            prompts.add(firstWords(lineContexts.get(i).blurb(), (i % 3) == 0 ? 0 : (i % 3) == 1 ? 1 : 3));
        }
        List<CatalogEvaluation.Sample> lines = CatalogEvaluation.sample(
                model, lineContexts, prompts, sampler, SAMPLE_SEED + samples, BATCH);
        writeSamples(dir.resolve(SAMPLES_FILE), lines);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("heldOutPerplexity", round(CatalogEvaluation.blurbPerplexity(model, heldOut, BATCH)));
        figures.put("heldOutExamples", heldOut.size());
        figures.put("perplexityOf", "blurb characters and the end token, given the context prefix; held-out corpus seed dataSeed + 1");
        figures.put("grammarValidRate", round(CatalogEvaluation.rate(drawn, CatalogEvaluation.Sample::grammarValid)));
        figures.put("contextValidRate", round(CatalogEvaluation.rate(drawn, CatalogEvaluation.Sample::contextValid)));
        figures.put("samples", samples);
        figures.put("sampleTemperature", TEMPERATURE);
        figures.put("sampleSeed", SAMPLE_SEED);
        figures.put("sampling", "held-out contexts 0..samples-1, empty prompt, row i seeded sampleSeed + i, "
                + "grammarValid = CatalogGrammar.isValid(blurb), contextValid = CatalogGrammar.isValid(blurb, context)");
        return figures;
    }

    private static void writeSamples(Path file, List<CatalogEvaluation.Sample> lines) throws IOException {
        List<String> out = new ArrayList<>();
        out.add("# grammar\tcontext\tinput (prefix + prompt)\tblurb (prompt + generated); temperature " + TEMPERATURE);
        for (CatalogEvaluation.Sample s : lines) {
            out.add((s.grammarValid() ? "valid" : "INVALID") + "\t" + (s.contextValid() ? "fits" : "MISFIT") + "\t"
                    + ContextPrefix.format(s.context()) + s.prompt() + "\t" + s.blurb());
        }
        Files.write(file, out);
    }

    private static List<CatalogExample> cycle(List<CatalogExample> examples, int from, int count) {
        List<CatalogExample> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(examples.get((from + i) % examples.size()));
        }
        return out;
    }

    private static List<String> emptyPrompts(int count) {
        return Arrays.asList(new String[count]).stream().map(s -> "").toList();
    }

    /** The first {@code words} words of {@code blurb} and the space after them; empty for 0. */
    static String firstWords(String blurb, int words) {
        int end = 0;
        for (int w = 0; w < words; w++) {
            int space = blurb.indexOf(' ', end);
            if (space < 0) {
                return "";
            }
            end = space + 1;
        }
        return blurb.substring(0, end);
    }

    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }
}
