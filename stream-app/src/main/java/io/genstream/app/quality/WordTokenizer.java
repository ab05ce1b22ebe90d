package io.genstream.app.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The word tokenizer every text metric here shares, so that BLEU, ROUGE-L, distinct-n and repetition count the
 * same units: the text is lower-cased ({@link Locale#ROOT}), and a token is a maximal run of letters, combining
 * marks and digits (Unicode classes L, M and N). Everything else (whitespace, punctuation, symbols) separates
 * tokens and is dropped: {@code "Soft, warm -- and only $19.99!"} gives {@code [soft, warm, and, only, 19, 99]},
 * and {@code "don't"} gives {@code [don, t]}.
 *
 * <p>Dropping punctuation departs from the tokenizers of published BLEU scores (e.g. sacreBLEU's 13a keeps it as
 * tokens), so figures here compare with each other, not with papers; a generator cannot score by punctuation.
 */
public final class WordTokenizer {

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");

    private WordTokenizer() {
    }

    /** The tokens of {@code text}, in order; empty for a text without letters or digits. */
    public static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        for (String token : SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return List.copyOf(tokens);
    }
}
