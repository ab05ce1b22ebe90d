package io.genstream.models.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one parse of a blurb mentions: the segment, item, category and features it names (null or
 * empty where it names none). Built up slot by slot while parsing; a slot that contradicts an
 * earlier one (a second, different segment or item) ends that parse.
 */
public record BlurbParse(String segment, String item, String category, List<String> features) {

    static final BlurbParse EMPTY = new BlurbParse(null, null, null, List.of());

    public BlurbParse {
        features = List.copyOf(features);
    }

    /** This parse with one more slot filled, or empty when it contradicts what is already bound. */
    Optional<BlurbParse> with(GrammarSymbol.SlotKind kind, List<String> values) {
        String value = values.get(0);
        return switch (kind) {
            case SEGMENT -> agree(segment, value) ? Optional.of(new BlurbParse(value, item, category, features)) : Optional.empty();
            case ITEM -> agree(item, value) ? Optional.of(new BlurbParse(segment, value, category, features)) : Optional.empty();
            case CATEGORY -> agree(category, value) ? Optional.of(new BlurbParse(segment, item, value, features)) : Optional.empty();
            case FEATURES -> {
                List<String> all = new ArrayList<>(features);
                values.stream().filter(v -> !all.contains(v)).forEach(all::add);
                yield Optional.of(new BlurbParse(segment, item, category, all));
            }
        };
    }

    /**
     * The category the blurb is about: the named one, else the item's. Empty when it names none
     * or when the named category is not the item's.
     */
    public Optional<CatalogLexicon.Category> resolvedCategory() {
        Optional<CatalogLexicon.Category> ofItem = item == null ? Optional.empty() : CatalogLexicon.categoryOfItem(item);
        if (category == null) {
            return ofItem;
        }
        Optional<CatalogLexicon.Category> named = CatalogLexicon.category(category);
        return ofItem.isEmpty() || ofItem.equals(named) ? named : Optional.empty();
    }

    /** The agreement the grammar demands: item and category agree, every feature is one of that category's. */
    boolean isCoherent() {
        Optional<CatalogLexicon.Category> c = resolvedCategory();
        return c.isPresent() && c.get().features().containsAll(features);
    }

    private static boolean agree(String bound, String value) {
        return bound == null || Objects.equals(bound, value);
    }
}
