package io.genstream.models.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The seeded {@code catalog} data set: random contexts (segment, category, one of its items, one or
 * two of its features) and a blurb drawn from {@link CatalogGrammar} for each. In one example out of
 * ten one context key is hidden from the model (the blurb still fits the full context), so that a
 * model also copes with partial contexts. {@link Random} is used because the Java specification
 * fixes its algorithm: a seed gives the same examples on every JVM, and a smaller set is the prefix
 * of a larger one.
 */
public final class CatalogCorpus {

    /**
     * The most tokens a training sequence holds (prefix, blurb and end character): the longest
     * prefix the lexicon makes (65) plus the longest blurb (94) plus 1.
     */
    public static final int MAX_SEQUENCE_LENGTH = 160;

    static final double HIDE_KEY_PROBABILITY = 0.1;

    private CatalogCorpus() {}

    public static List<CatalogExample> generate(long seed, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + count);
        }
        Random rng = new Random(seed);
        List<CatalogExample> examples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            examples.add(next(rng));
        }
        return List.copyOf(examples);
    }

    private static CatalogExample next(Random rng) {
        String segment = pick(CatalogLexicon.SEGMENTS, rng);
        CatalogLexicon.Category category = pick(CatalogLexicon.CATEGORIES, rng);
        String item = pick(category.items(), rng);
        List<String> pool = new ArrayList<>(category.features());
        List<String> features = new ArrayList<>();
        int featureCount = 1 + rng.nextInt(2);
        for (int f = 0; f < featureCount; f++) {
            features.add(pool.remove(rng.nextInt(pool.size())));
        }
        String blurb = new BlurbGenerator(segment, item, features).draw(rng);

        Map<String, String> context = new LinkedHashMap<>();
        context.put(ContextPrefix.SEGMENT, segment);
        context.put(ContextPrefix.CATEGORY, category.name());
        context.put(ContextPrefix.ITEM, item);
        context.put(ContextPrefix.FEATURES, String.join(",", features));
        if (rng.nextDouble() < HIDE_KEY_PROBABILITY) {
            context.remove(pick(ContextPrefix.KEYS, rng));
        }
        return new CatalogExample(context, blurb);
    }

    private static <T> T pick(List<T> values, Random rng) {
        return values.get(rng.nextInt(values.size()));
    }
}
