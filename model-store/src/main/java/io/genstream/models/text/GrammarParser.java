package io.genstream.models.text;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A backtracking recogniser for the grammar: expands rules top-down against the text, tries every
 * lexicon word a slot could be at the current position, and keeps every complete parse whose
 * mentions agree. The language is small and has no left recursion, so this stays cheap.
 */
final class GrammarParser {

    /** The symbols still to match, as a shared linked list so that alternatives share their tails. */
    private record Pending(GrammarSymbol head, Pending tail) {}

    private final Map<String, List<GrammarAlternative>> rules;
    private final String text;
    private final Set<BlurbParse> parses = new LinkedHashSet<>();

    private GrammarParser(Map<String, List<GrammarAlternative>> rules, String text) {
        this.rules = rules;
        this.text = text;
    }

    /** Every coherent parse of {@code text} as the rule {@code start}; empty when it is not in the language. */
    static Set<BlurbParse> parse(Map<String, List<GrammarAlternative>> rules, String start, String text) {
        GrammarParser parser = new GrammarParser(rules, text);
        parser.match(new Pending(new GrammarSymbol.Rule(start), null), 0, BlurbParse.EMPTY);
        return parser.parses;
    }

    private void match(Pending pending, int pos, BlurbParse bound) {
        if (pending == null) {
            if (pos == text.length() && bound.isCoherent()) {
                parses.add(bound);
            }
            return;
        }
        GrammarSymbol head = pending.head();
        if (head instanceof GrammarSymbol.Text t) {
            if (text.startsWith(t.text(), pos)) {
                match(pending.tail(), pos + t.text().length(), bound);
            }
        } else if (head instanceof GrammarSymbol.Slot s) {
            matchSlot(s.kind(), pending.tail(), pos, bound);
        } else {
            expand(((GrammarSymbol.Rule) head).name(), pending.tail(), pos, bound);
        }
    }

    private void expand(String rule, Pending rest, int pos, BlurbParse bound) {
        List<GrammarAlternative> alternatives = rules.get(rule);
        if (alternatives == null) {
            throw new IllegalStateException("no rule <" + rule + ">");
        }
        for (GrammarAlternative alt : alternatives) {
            Pending expanded = rest;
            for (int i = alt.symbols().size() - 1; i >= 0; i--) {
                expanded = new Pending(alt.symbols().get(i), expanded);
            }
            match(expanded, pos, bound);
        }
    }

    private void matchSlot(GrammarSymbol.SlotKind kind, Pending rest, int pos, BlurbParse bound) {
        for (String word : words(kind)) {
            if (!text.startsWith(word, pos)) {
                continue;
            }
            int end = pos + word.length();
            bound.with(kind, List.of(word)).ifPresent(b -> match(rest, end, b));
            if (kind == GrammarSymbol.SlotKind.FEATURES && text.startsWith(CatalogGrammar.FEATURE_JOINER, end)) {
                int second = end + CatalogGrammar.FEATURE_JOINER.length();
                for (String other : words(kind)) {
                    if (!other.equals(word) && text.startsWith(other, second)) {
                        bound.with(kind, List.of(word, other)).ifPresent(b -> match(rest, second + other.length(), b));
                    }
                }
            }
        }
    }

    private static List<String> words(GrammarSymbol.SlotKind kind) {
        return switch (kind) {
            case SEGMENT -> CatalogLexicon.SEGMENTS;
            case ITEM -> CatalogLexicon.allItems();
            case CATEGORY -> CatalogLexicon.categoryNames();
            case FEATURES -> CatalogLexicon.allFeatures();
        };
    }
}
