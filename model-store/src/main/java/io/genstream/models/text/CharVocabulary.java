package io.genstream.models.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ordered character set of a character-level model: a character's id is its index. Id 0 is
 * always the end-of-text character {@code '\n'}.
 *
 * <p>{@link #encode} is strict (an unknown character is an error); {@link #normalize} is lenient and
 * is what to apply to outside text first: Unicode NFKD, combining marks dropped (so {@code "é"}
 * becomes {@code "e"}), a character the vocabulary lacks becomes its lower case when only that is
 * in the vocabulary, and any other character still unknown is dropped.
 */
public final class CharVocabulary {

    public static final char END_CHAR = '\n';
    public static final int END_ID = 0;

    /** The characters of the {@code catalog} models: lower case, space and a few punctuation marks. */
    static final String CATALOG_CHARS = "\n !',-.:=>?abcdefghijklmnopqrstuvwxyz|";

    private static final CharVocabulary CATALOG = new CharVocabulary(CATALOG_CHARS);

    private final String chars;
    private final int[] ids = new int[Character.MAX_VALUE + 1];

    /**
     * @param chars the characters in id order; the first must be {@code '\n'}, none may repeat
     * @throws IllegalArgumentException otherwise
     */
    public CharVocabulary(String chars) {
        if (chars.isEmpty() || chars.charAt(0) != END_CHAR) {
            throw new IllegalArgumentException("a vocabulary starts with the end-of-text character '\\n'");
        }
        Arrays.fill(ids, -1);
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("vocabulary characters must be in the Basic Multilingual Plane");
            }
            if (ids[c] >= 0) {
                throw new IllegalArgumentException("character repeated in the vocabulary: " + describe(c));
            }
            ids[c] = i;
        }
        this.chars = chars;
    }

    /** The vocabulary of {@code catalog-lstm} and {@code catalog-gpt}. */
    public static CharVocabulary catalog() {
        return CATALOG;
    }

    public int size() {
        return chars.length();
    }

    /** The characters in id order, as one string (what a manifest stores). */
    public String chars() {
        return chars;
    }

    public boolean contains(char c) {
        return ids[c] >= 0;
    }

    /** @throws IllegalArgumentException naming every character of {@code text} that is not in the vocabulary */
    public int[] encode(String text) {
        int[] out = new int[text.length()];
        Set<String> unknown = new LinkedHashSet<>();
        for (int i = 0; i < text.length(); i++) {
            out[i] = ids[text.charAt(i)];
            if (out[i] < 0) {
                unknown.add(describe(text.charAt(i)));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("characters not in the vocabulary: " + String.join(", ", unknown));
        }
        return out;
    }

    /** @throws IllegalArgumentException when an id is outside {@code [0, size())} */
    public String decode(int[] tokenIds) {
        StringBuilder out = new StringBuilder(tokenIds.length);
        for (int id : tokenIds) {
            if (id < 0 || id >= chars.length()) {
                throw new IllegalArgumentException("token id " + id + " outside the vocabulary of " + chars.length());
            }
            out.append(chars.charAt(id));
        }
        return out.toString();
    }

    /** {@code text} reduced to this vocabulary, leniently (see the class comment); never throws. */
    public String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(cp -> {
            if (cp > Character.MAX_VALUE || isCombiningMark(cp)) {
                return;
            }
            char c = (char) cp;
            if (contains(c)) {
                out.append(c);
            } else {
                char lower = Character.toLowerCase(c);
                if (lower != c && contains(lower)) {
                    out.append(lower);
                }
            }
        });
        return out.toString();
    }

    @Override
    public String toString() {
        return "CharVocabulary" + chars.chars().mapToObj(c -> describe((char) c)).collect(Collectors.joining("", "[", "]"));
    }

    private static boolean isCombiningMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
