package io.genstream.models.text;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grammar of {@code catalog} blurbs, and its recogniser. A blurb is an opening sentence, which
 * names the item and speaks to the segment, optionally followed by one more sentence; slots are
 * filled from the lexicon, and the words of one blurb must agree (the item is of the named category,
 * every feature is one of that category's, one segment). At most {@link #MAX_BLURB_CHARS} characters.
 *
 * <pre>
 * blurb     := opening | opening " " follow-up
 * opening   := "{seg} will love this {item}." | "this {item} is {feats}, made for {seg}." | ...
 * follow-up := "it is {feats}." | "a top {cat} pick!" | ...
 * {feats}   := feature | feature " and " other-feature
 * </pre>
 */
public final class CatalogGrammar {

    public static final int MAX_BLURB_CHARS = 94;

    static final String START = "blurb";
    static final String FEATURE_JOINER = " and ";

    /** Rule name to weighted alternatives; weights only matter when generating. */
    static final Map<String, List<GrammarAlternative>> RULES = Map.of(
            START, List.of(
                    GrammarAlternative.of(1, "<opening>"),
                    GrammarAlternative.of(1, "<opening> <follow-up>")),
            "opening", List.of(
                    GrammarAlternative.of(1, "{seg} will love this {item}."),
                    GrammarAlternative.of(1, "this {item} is {feats}, made for {seg}."),
                    GrammarAlternative.of(1, "our {feats} {item} is made for {seg}."),
                    GrammarAlternative.of(1, "made for {seg}: the {feats} {item}."),
                    GrammarAlternative.of(1, "{seg}, meet the {item}: {feats} and ready to go."),
                    GrammarAlternative.of(1, "top {cat} pick for {seg}: the {item}.")),
            "follow-up", List.of(
                    GrammarAlternative.of(1, "it is {feats}."),
                    GrammarAlternative.of(1, "{feats} and built to last."),
                    GrammarAlternative.of(1, "a top {cat} pick!"),
                    GrammarAlternative.of(1, "{seg} say it is {feats}."),
                    GrammarAlternative.of(1, "shop {cat} today!"),
                    GrammarAlternative.of(1, "why wait?")));

    private CatalogGrammar() {}

    /** Whether {@code blurb} is a sentence of the grammar (any context). */
    public static boolean isValid(String blurb) {
        return !parses(blurb).isEmpty();
    }

    /**
     * Whether {@code blurb} is a sentence of the grammar that fits {@code context}: it speaks to the
     * context's segment, names its item (and no other), and names only its category and features.
     * Context keys that are absent constrain nothing; values are compared as {@link ContextPrefix}
     * writes them.
     */
    public static boolean isValid(String blurb, Map<String, String> context) {
        return parses(blurb).stream().anyMatch(p -> fits(p, context));
    }

    /** Every reading of {@code blurb} under the grammar; empty when it is not a sentence of it. */
    public static Set<BlurbParse> parses(String blurb) {
        if (blurb.isEmpty() || blurb.length() > MAX_BLURB_CHARS) {
            return Set.of();
        }
        return GrammarParser.parse(RULES, START, blurb);
    }

    private static boolean fits(BlurbParse parse, Map<String, String> context) {
        String segment = context.get(ContextPrefix.SEGMENT);
        String item = context.get(ContextPrefix.ITEM);
        String category = context.get(ContextPrefix.CATEGORY);
        String features = context.get(ContextPrefix.FEATURES);
        return (segment == null || ContextPrefix.value(ContextPrefix.SEGMENT, segment).equals(parse.segment()))
                && (item == null || ContextPrefix.value(ContextPrefix.ITEM, item).equals(parse.item()))
                && (category == null || parse.resolvedCategory()
                        .map(c -> c.name().equals(ContextPrefix.value(ContextPrefix.CATEGORY, category)))
                        .orElse(false))
                && (features == null || ContextPrefix.features(features).containsAll(parse.features()));
    }
}
