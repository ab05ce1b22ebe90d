package io.genstream.models.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The text prefix the catalog models read their context from, e.g.
 * {@code "s=runners|c=footwear|i=trail shoe|f=light,grippy>"}: one {@code tag=value} field per
 * context key present, in the fixed order segment, category, item, features, joined by {@code '|'}
 * and closed by {@code '>'}, after which the blurb starts. A training sequence is
 * {@code format(context) + blurb + "\n"}; at serving time the model reads {@code format(context) + prompt}.
 *
 * <p>Values are normalised by the {@link CharVocabulary#catalog() catalog vocabulary}; white space
 * is collapsed to single spaces, the structural characters {@code = | >} and newlines are removed,
 * features are listed comma-separated without spaces, and each value is capped at
 * {@link #MAX_VALUE_CHARS} characters, so the prefix never exceeds {@link #MAX_LENGTH}. Keys other
 * than these four are ignored; a missing or (after cleaning) empty value leaves its field out.
 */
public final class ContextPrefix {

    public static final String SEGMENT = "segment";
    public static final String CATEGORY = "category";
    public static final String ITEM = "item";
    /** Comma-separated, e.g. {@code "light,grippy"}. */
    public static final String FEATURES = "features";

    /** The context keys, in prefix order. */
    public static final List<String> KEYS = List.of(SEGMENT, CATEGORY, ITEM, FEATURES);

    public static final int MAX_VALUE_CHARS = 24;
    public static final char END = '>';
    /** The longest prefix: four capped fields with their tags and separators. */
    public static final int MAX_LENGTH = KEYS.size() * (2 + MAX_VALUE_CHARS) + (KEYS.size() - 1) + 1;

    private static final String TAGS = "scif";

    private ContextPrefix() {}

    public static String format(Map<String, String> context) {
        List<String> fields = new ArrayList<>(KEYS.size());
        for (int k = 0; k < KEYS.size(); k++) {
            String raw = context.get(KEYS.get(k));
            String value = raw == null ? "" : value(KEYS.get(k), raw);
            if (!value.isEmpty()) {
                fields.add(TAGS.charAt(k) + "=" + value);
            }
        }
        return String.join("|", fields) + END;
    }

    /** A context value as the prefix writes it (cleaned, normalised, capped); empty when nothing is left. */
    public static String value(String key, String raw) {
        if (FEATURES.equals(key)) {
            return cap(Arrays.stream(raw.split(","))
                    .map(ContextPrefix::clean)
                    .filter(f -> !f.isEmpty())
                    .collect(Collectors.joining(",")));
        }
        return cap(clean(raw));
    }

    /** The features a context lists, each cleaned as in the prefix. */
    public static List<String> features(String raw) {
        String value = value(FEATURES, raw);
        return value.isEmpty() ? List.of() : List.of(value.split(","));
    }

    private static String clean(String raw) {
        String spaced = raw.replaceAll("\\s+", " ");
        String normalized = CharVocabulary.catalog().normalize(spaced).replaceAll("[=|>\n]", "");
        return normalized.replaceAll(" {2,}", " ").strip();
    }

    private static String cap(String value) {
        return value.length() <= MAX_VALUE_CHARS ? value : value.substring(0, MAX_VALUE_CHARS).replaceAll("[ ,]+$", "");
    }
}
