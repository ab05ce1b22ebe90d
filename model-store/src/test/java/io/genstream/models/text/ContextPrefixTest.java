package io.genstream.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ContextPrefixTest {

    @Test
    void writesTheFourKeysInFixedOrder() {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("features", "light,grippy");
        context.put("item", "trail shoe");
        context.put("segment", "runners");
        context.put("category", "footwear");
        assertThat(ContextPrefix.format(context)).isEqualTo("s=runners|c=footwear|i=trail shoe|f=light,grippy>");
    }

    @Test
    void leavesOutMissingAndEmptyKeysAndIgnoresOthers() {
        assertThat(ContextPrefix.format(Map.of("item", "tent", "userId", "42", "segment", " \t"))).isEqualTo("i=tent>");
        assertThat(ContextPrefix.format(Map.of())).isEqualTo(">");
    }

    @Test
    void normalisesValuesAndRemovesStructuralCharacters() {
        Map<String, String> context = Map.of(
                "segment", "  New\tParents\n",
                "item", "Crème=Brûlée|Torch>",
                "features", " Light , , Grippy ");
        assertThat(ContextPrefix.format(context)).isEqualTo("s=new parents|i=cremebruleetorch|f=light,grippy>");
    }

    @Test
    void capsEachValueSoThePrefixIsBounded() {
        String longValue = "a very long description of the item that goes on";
        Map<String, String> context = Map.of("segment", longValue, "category", longValue,
                "item", longValue, "features", "waterproof,cushioned,light,grippy,comfy");
        String prefix = ContextPrefix.format(context);
        assertThat(prefix).startsWith("s=a very long description|");
        assertThat(prefix).endsWith("|f=waterproof,cushioned,lig>");
        assertThat(prefix.length()).isLessThanOrEqualTo(ContextPrefix.MAX_LENGTH);
        assertThat(ContextPrefix.value("item", longValue)).isEqualTo("a very long description"); // cut at 24, then the space stripped
    }

    @Test
    void everyPrefixEncodesInTheCatalogVocabulary() {
        String prefix = ContextPrefix.format(Map.of("segment", "Ünïcödé 😀 users", "item", "№5 Ⅻ"));
        assertThat(CharVocabulary.catalog().decode(CharVocabulary.catalog().encode(prefix))).isEqualTo(prefix);
        assertThat(prefix).doesNotContain("\n");
    }

    @Test
    void featuresAreListedCleaned() {
        assertThat(ContextPrefix.features(" Light ,Grippy,")).containsExactly("light", "grippy");
        assertThat(ContextPrefix.features(" , ")).isEmpty();
    }
}
