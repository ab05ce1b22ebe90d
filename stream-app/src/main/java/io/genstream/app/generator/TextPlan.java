package io.genstream.app.generator;

import io.genstream.avro.PromptEvent;
import io.genstream.models.text.CharVocabulary;
import io.genstream.models.text.ContextPrefix;
import io.genstream.models.text.TokenSampler;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a prompt event asks the model for: the input text the model reads, its tokens, the seed
 * and the sampling settings.
 *
 * <ul>
 *   <li>Input = {@link ContextPrefix#format} of the event's {@code context} (the form the catalog
 *       models were trained on: segment, category, item, features) followed by the prompt, which is
 *       the start of the text to generate.
 *   <li>Characters outside the model's vocabulary: the prompt is first put through the
 *       vocabulary's lenient {@link CharVocabulary#normalize} (accents dropped, upper case lowered
 *       where the vocabulary has only lower case, anything else unknown dropped); line breaks become
 *       spaces, since a line break ends a text. How many characters were dropped is reported.
 *   <li>Seed: the event's, or when it has none a stable hash of its {@code requestId}, so a request
 *       generated again after a crash gives the same text.
 * </ul>
 *
 * @param tokens the input's token ids (never empty: the context prefix always has its end mark)
 * @param promptText the prompt as the model reads it
 * @param droppedChars prompt characters the vocabulary could not represent
 * @param seed the sampling seed actually used
 * @param sampler temperature, top-k and top-p
 * @param maxTokens most tokens to generate
 * @param stop stop strings (never null)
 */
public record TextPlan(int[] tokens, String promptText, int droppedChars, long seed, TokenSampler sampler,
        int maxTokens, List<String> stop) {

    public static TextPlan of(PromptEvent event, TextModelInfo model) {
        CharVocabulary vocabulary = model.vocabulary();
        String prompt = event.getPrompt() == null ? "" : event.getPrompt();
        String normalized = normalizePrompt(prompt, vocabulary);
        String input = ContextPrefix.format(event.getContext() == null ? java.util.Map.of() : event.getContext())
                + normalized;
        long seed = event.getSeed() != null ? event.getSeed() : seedOf(event.getRequestId());
        return new TextPlan(vocabulary.encode(input), normalized, prompt.length() - normalized.length(), seed,
                new TokenSampler(event.getTemperature(), event.getTopK(), event.getTopP()), event.getMaxTokens(),
                event.getStop() == null ? List.of() : List.copyOf(event.getStop()));
    }

    /** The prompt as the model reads it: lenient normalisation, line breaks turned into spaces. */
    static String normalizePrompt(String prompt, CharVocabulary vocabulary) {
        String oneLine = prompt.replace(CharVocabulary.END_CHAR, ' ').replace('\r', ' ');
        return vocabulary.normalize(oneLine);
    }

    /** 64-bit FNV-1a of the request id's UTF-8 bytes: stable across runs, JVMs and restarts. */
    static long seedOf(String requestId) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : requestId.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
