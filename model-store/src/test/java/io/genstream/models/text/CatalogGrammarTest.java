package io.genstream.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CatalogGrammarTest {

    private static final Map<String, String> RUNNER_SHOE = Map.of(
            ContextPrefix.SEGMENT, "runners", ContextPrefix.CATEGORY, "footwear",
            ContextPrefix.ITEM, "trail shoe", ContextPrefix.FEATURES, "light,grippy");

    @Test
    void acceptsHandWrittenSentencesOfTheGrammar() {
        assertThat(CatalogGrammar.isValid("runners will love this trail shoe.")).isTrue();
        assertThat(CatalogGrammar.isValid("gamers will love this headset. why wait?")).isTrue();
        assertThat(CatalogGrammar.isValid("this night light is soft and quiet, made for new parents. a top baby pick!")).isTrue();
        assertThat(CatalogGrammar.isValid("top footwear pick for runners: the trail shoe. runners say it is grippy.")).isTrue();
    }

    @Test
    void parseNamesWhatTheBlurbMentions() {
        assertThat(CatalogGrammar.parses("our light and grippy trail shoe is made for runners."))
                .containsExactly(new BlurbParse("runners", "trail shoe", null, List.of("light", "grippy")));
    }

    @Test
    void rejectsSwappedWords() {
        assertThat(CatalogGrammar.isValid("runners love will this trail shoe.")).isFalse();
        assertThat(CatalogGrammar.isValid("this trail shoe is light, for made runners.")).isFalse();
    }

    @Test
    void rejectsTruncationsOfAValidBlurb() {
        String blurb = "this trail shoe is light and grippy, made for runners. a top footwear pick!";
        assertThat(CatalogGrammar.isValid(blurb)).isTrue();
        for (int cut = 1; cut < blurb.length(); cut++) {
            String prefix = blurb.substring(0, cut);
            boolean endsASentence = prefix.equals("this trail shoe is light and grippy, made for runners.");
            assertThat(CatalogGrammar.isValid(prefix)).as(prefix).isEqualTo(endsASentence);
        }
    }

    @Test
    void rejectsUnknownWords() {
        assertThat(CatalogGrammar.isValid("runners will love this trail sock.")).isFalse();
        assertThat(CatalogGrammar.isValid("plumbers will love this trail shoe.")).isFalse();
        assertThat(CatalogGrammar.isValid("this trail shoe is shiny, made for runners.")).isFalse();
        assertThat(CatalogGrammar.isValid("runners will love this trail shoe. truly.")).isFalse();
    }

    @Test
    void rejectsWordsThatDoNotAgree() {
        // a kitchen feature for a shoe; a category that is not the item's; one feature twice; two segments
        assertThat(CatalogGrammar.isValid("this trail shoe is sharp, made for runners.")).isFalse();
        assertThat(CatalogGrammar.isValid("top kitchen pick for runners: the trail shoe.")).isFalse();
        assertThat(CatalogGrammar.isValid("this trail shoe is light and light, made for runners.")).isFalse();
        assertThat(CatalogGrammar.isValid("runners will love this trail shoe. gamers say it is light.")).isFalse();
    }

    @Test
    void rejectsEmptyAndOverLongText() {
        assertThat(CatalogGrammar.isValid("")).isFalse();
        String tooLong = "this hiking boot is waterproof and cushioned, made for remote workers. "
                + "remote workers say it is light.";
        assertThat(tooLong.length()).isGreaterThan(CatalogGrammar.MAX_BLURB_CHARS);
        assertThat(CatalogGrammar.isValid(tooLong.replace("hiking boot", "trail shoe"))).isFalse();
        assertThat(CatalogGrammar.isValid(tooLong.substring(0, tooLong.indexOf('.') + 1))).isTrue();
    }

    @Test
    void contextCheckRejectsAnotherItemSegmentCategoryOrFeature() {
        assertThat(CatalogGrammar.isValid("runners will love this trail shoe.", RUNNER_SHOE)).isTrue();
        assertThat(CatalogGrammar.isValid("runners will love this road shoe.", RUNNER_SHOE)).isFalse();
        assertThat(CatalogGrammar.isValid("runners will love this tent.", RUNNER_SHOE)).isFalse();
        assertThat(CatalogGrammar.isValid("hikers will love this trail shoe.", RUNNER_SHOE)).isFalse();
        assertThat(CatalogGrammar.isValid("this trail shoe is waterproof, made for runners.", RUNNER_SHOE)).isFalse();
        assertThat(CatalogGrammar.isValid("this trail shoe is grippy and light, made for runners.", RUNNER_SHOE)).isTrue();
    }

    @Test
    void contextCheckIgnoresAbsentKeysAndComparesNormalisedValues() {
        Map<String, String> itemOnly = Map.of(ContextPrefix.ITEM, "Trail  Shoe");
        assertThat(CatalogGrammar.isValid("hikers will love this trail shoe. it is waterproof.", itemOnly)).isTrue();
        assertThat(CatalogGrammar.isValid("hikers will love this hiking boot.", itemOnly)).isFalse();
        assertThat(CatalogGrammar.isValid("hikers will love this hiking boot.", Map.of())).isTrue();
    }

    @Test
    void generatedBlurbsWithTwoNeighbouringWordsSwappedAreRejected() {
        Random rng = new Random(3);
        int checked = 0;
        for (CatalogExample e : CatalogCorpus.generate(11, 300)) {
            List<String> words = new ArrayList<>(List.of(e.blurb().split(" ")));
            int i = rng.nextInt(words.size() - 1);
            if (words.get(i).equals(words.get(i + 1))) {
                continue;
            }
            Collections.swap(words, i, i + 1);
            String swapped = String.join(" ", words);
            assertThat(CatalogGrammar.isValid(swapped)).as("%s -> %s", e.blurb(), swapped).isFalse();
            checked++;
        }
        assertThat(checked).isGreaterThan(200);
    }
}
