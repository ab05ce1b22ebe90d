package io.genstream.app.topology;

import io.genstream.app.generator.TextModelInfo;
import io.genstream.app.generator.TextPlan;
import io.genstream.app.runtime.FinishReason;
import io.genstream.app.runtime.GeneratedSequence;
import io.genstream.avro.ContentKind;
import io.genstream.avro.GeneratedContent;
import io.genstream.avro.PromptEvent;
import io.genstream.app.quality.TextItemScores;
import io.genstream.models.text.CatalogGrammar;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content record of one generated text: the prompt as the model read it followed by what the
 * model wrote (without its end-of-text mark or the stop string that ended it), what reproduces it,
 * its timings and its per-item scores: {@code tokens}, {@code meanLogProb}, {@code droppedChars}
 * (when some were), {@value #GRAMMAR_VALID}, {@value #CONTEXT_VALID} (with a context), and those of
 * {@link TextItemScores} (distinct-n, repetition; BLEU and ROUGE-L with a reference).
 */
public final class TextContent {

    /** 1 when the text belongs to the catalog grammar ({@link CatalogGrammar#isValid(String)}), else 0. */
    public static final String GRAMMAR_VALID = "grammarValid";
    /** 1 when it also fits the request's context (names its item, category, features), else 0. */
    public static final String CONTEXT_VALID = "contextValid";

    private TextContent() {}

    public static GeneratedContent of(PromptEvent event, TextModelInfo model, TextPlan plan,
            GeneratedSequence sequence, long emittedAt) {
        int[] tokens = sequence.tokens();
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("tokens", (double) tokens.length);
        if (tokens.length > 0 && !Double.isNaN(sequence.logProbSum())) {
            scores.put("meanLogProb", sequence.logProbSum() / tokens.length);
        }
        if (plan.droppedChars() > 0) {
            scores.put("droppedChars", (double) plan.droppedChars());
        }
        String text = plan.promptText() + completion(model, plan, sequence);
        scores.putAll(TextItemScores.of(text, event.getReference()));
        // The catalog models write recommendation blurbs: does this one belong to their grammar,
        // and does it speak of the item, category and features it was asked about?
        scores.put(GRAMMAR_VALID, CatalogGrammar.isValid(text) ? 1.0 : 0.0);
        if (event.getContext() != null && !event.getContext().isEmpty()) {
            scores.put(CONTEXT_VALID, CatalogGrammar.isValid(text, event.getContext()) ? 1.0 : 0.0);
        }
        return GeneratedContent.newBuilder()
                .setRequestId(event.getRequestId())
                .setIndex(0)
                .setModel(event.getModel())
                .setModelName(model.name())
                .setModelVersion(model.version())
                .setKind(ContentKind.TEXT)
                .setText(text)
                .setImage(null)
                .setSeed(plan.seed())
                .setLabel(null)
                .setScores(scores)
                .setBatchSize((int) Math.round(sequence.meanSequences()))
                .setQueueMs(sequence.queueMs())
                .setInferenceMs(sequence.totalMs() - sequence.queueMs())
                .setCreatedAt(event.getCreatedAt())
                .setEmittedAt(emittedAt)
                .build();
    }

    /** The generated characters, without the end-of-text mark or the stop string that ended them. */
    static String completion(TextModelInfo model, TextPlan plan, GeneratedSequence sequence) {
        int[] tokens = sequence.tokens();
        int kept = sequence.finish() == FinishReason.END && tokens.length > 0 ? tokens.length - 1 : tokens.length;
        String text = model.vocabulary().decode(java.util.Arrays.copyOf(tokens, kept));
        if (sequence.finish() == FinishReason.STOP) {
            String longest = "";
            for (String stop : plan.stop()) {
                if (text.endsWith(stop) && stop.length() > longest.length()) {
                    longest = stop;
                }
            }
            text = text.substring(0, text.length() - longest.length());
        }
        return text;
    }
}
