package io.genstream.models.text;

import java.util.List;
import java.util.Random;

/**
 * Draws one blurb from the grammar for a given segment, item and feature list: rules by weight,
 * slots from those values (one feature, or both when there are two).
 */
final class BlurbGenerator {

    private final String segment;
    private final String item;
    private final String category;
    private final List<String> features;

    BlurbGenerator(String segment, String item, List<String> features) {
        this.segment = segment;
        this.item = item;
        this.category = CatalogLexicon.categoryOfItem(item)
                .orElseThrow(() -> new IllegalArgumentException("unknown item " + item)).name();
        this.features = List.copyOf(features);
        if (features.isEmpty() || features.size() > 2) {
            throw new IllegalArgumentException("one or two features, not " + features);
        }
    }

    /** A blurb of at most {@link CatalogGrammar#MAX_BLURB_CHARS}; longer draws are drawn again. */
    String draw(Random rng) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            StringBuilder out = new StringBuilder();
            expand(CatalogGrammar.START, rng, out);
            if (out.length() <= CatalogGrammar.MAX_BLURB_CHARS) {
                return out.toString();
            }
        }
        throw new IllegalStateException("no blurb short enough for " + item);
    }

    private void expand(String rule, Random rng, StringBuilder out) {
        for (GrammarSymbol symbol : choose(CatalogGrammar.RULES.get(rule), rng).symbols()) {
            if (symbol instanceof GrammarSymbol.Text t) {
                out.append(t.text());
            } else if (symbol instanceof GrammarSymbol.Slot s) {
                out.append(fill(s.kind(), rng));
            } else {
                expand(((GrammarSymbol.Rule) symbol).name(), rng, out);
            }
        }
    }

    private String fill(GrammarSymbol.SlotKind kind, Random rng) {
        return switch (kind) {
            case SEGMENT -> segment;
            case ITEM -> item;
            case CATEGORY -> category;
            case FEATURES -> features.size() == 2 && rng.nextBoolean()
                    ? features.get(0) + CatalogGrammar.FEATURE_JOINER + features.get(1)
                    : features.get(rng.nextInt(features.size()));
        };
    }

    private static GrammarAlternative choose(List<GrammarAlternative> alternatives, Random rng) {
        double total = alternatives.stream().mapToDouble(GrammarAlternative::weight).sum();
        double u = rng.nextDouble() * total;
        for (GrammarAlternative alt : alternatives) {
            u -= alt.weight();
            if (u < 0) {
                return alt;
            }
        }
        return alternatives.get(alternatives.size() - 1);
    }
}
