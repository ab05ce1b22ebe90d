package io.genstream.models.text;

/**
 * One symbol on the right-hand side of a {@link CatalogGrammar} rule: fixed text, a lexicon slot
 * (filled from the context when generating, matched against the lexicon when parsing), or a
 * reference to another rule.
 */
sealed interface GrammarSymbol {

    /** Literal characters, e.g. {@code " will love this "}. */
    record Text(String text) implements GrammarSymbol {}

    /** A word class of the lexicon, e.g. the item. */
    record Slot(SlotKind kind) implements GrammarSymbol {}

    /** Another rule of the grammar, by name. */
    record Rule(String name) implements GrammarSymbol {}

    /** The word classes a blurb draws from its context. */
    enum SlotKind {
        SEGMENT("seg"),
        ITEM("item"),
        CATEGORY("cat"),
        /** One feature, or two different ones joined by {@code " and "}. */
        FEATURES("feats");

        final String tag;

        SlotKind(String tag) {
            this.tag = tag;
        }

        static SlotKind byTag(String tag) {
            for (SlotKind k : values()) {
                if (k.tag.equals(tag)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown slot {" + tag + "}");
        }
    }
}
