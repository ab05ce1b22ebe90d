package io.genstream.models.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One weighted right-hand side of a rule, written compactly: {@code {seg}} is a slot,
 * {@code <opening>} a rule, everything else literal text.
 */
record GrammarAlternative(double weight, List<GrammarSymbol> symbols) {

    private static final Pattern MARKER = Pattern.compile("\\{([a-z]+)}|<([a-z-]+)>");

    static GrammarAlternative of(double weight, String pattern) {
        List<GrammarSymbol> symbols = new ArrayList<>();
        Matcher m = MARKER.matcher(pattern);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                symbols.add(new GrammarSymbol.Text(pattern.substring(last, m.start())));
            }
            symbols.add(m.group(1) != null
                    ? new GrammarSymbol.Slot(GrammarSymbol.SlotKind.byTag(m.group(1)))
                    : new GrammarSymbol.Rule(m.group(2)));
            last = m.end();
        }
        if (last < pattern.length()) {
            symbols.add(new GrammarSymbol.Text(pattern.substring(last)));
        }
        return new GrammarAlternative(weight, List.copyOf(symbols));
    }
}
