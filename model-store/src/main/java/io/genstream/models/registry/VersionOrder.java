package io.genstream.models.registry;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders version strings the way people read them: runs of digits compare as numbers, the rest
 * as text, so {@code 2 < 10}, {@code 1.9 < 1.10}, {@code 1 < 1.0} and {@code v2 < v10}. There is no
 * notion of pre-releases: {@code 1.beta} is simply text after {@code 1.}. Ties between equal numbers
 * written differently ({@code 01} and {@code 1}) fall back to plain text order, so the order is
 * total and {@code latest} is always well defined.
 */
public final class VersionOrder implements Comparator<String> {

    public static final VersionOrder INSTANCE = new VersionOrder();

    private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");

    private VersionOrder() {}

    @Override
    public int compare(String a, String b) {
        List<String> ca = chunks(a);
        List<String> cb = chunks(b);
        for (int i = 0; i < Math.min(ca.size(), cb.size()); i++) {
            int c = compareChunk(ca.get(i), cb.get(i));
            if (c != 0) {
                return c;
            }
        }
        int byLength = Integer.compare(ca.size(), cb.size()); // 1 < 1.1
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static int compareChunk(String a, String b) {
        boolean numberA = Character.isDigit(a.charAt(0));
        boolean numberB = Character.isDigit(b.charAt(0));
        if (numberA && numberB) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (numberA != numberB) {
            return numberA ? 1 : -1; // text before numbers at the same place, so the order stays total
        }
        return a.compareTo(b);
    }

    private static List<String> chunks(String version) {
        List<String> chunks = new ArrayList<>();
        Matcher m = CHUNK.matcher(version);
        while (m.find()) {
            chunks.add(m.group());
        }
        return chunks;
    }
}
