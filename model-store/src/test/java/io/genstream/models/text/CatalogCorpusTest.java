package io.genstream.models.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CatalogCorpusTest {

    private static final List<CatalogExample> CORPUS = CatalogCorpus.generate(7, 3000);

    @Test
    void sameSeedGivesTheSameExamplesAndASmallerSetIsAPrefix() {
        assertThat(CatalogCorpus.generate(7, 3000)).isEqualTo(CORPUS);
        assertThat(CatalogCorpus.generate(7, 100)).isEqualTo(CORPUS.subList(0, 100));
        assertThat(CatalogCorpus.generate(8, 100)).isNotEqualTo(CORPUS.subList(0, 100));
    }

    @Test
    void everyBlurbIsInTheGrammarAndFitsItsContext() {
        for (CatalogExample e : CORPUS) {
            assertThat(CatalogGrammar.isValid(e.blurb())).as(e.blurb()).isTrue();
            assertThat(CatalogGrammar.isValid(e.blurb(), e.context())).as("%s for %s", e.blurb(), e.context()).isTrue();
        }
    }

    @Test
    void trainingTextsAreInTheVocabularyAndWithinTheMaximumLength() {
        for (CatalogExample e : CORPUS) {
            String text = e.trainingText();
            assertThat(CharVocabulary.catalog().encode(text)).hasSizeLessThanOrEqualTo(CatalogCorpus.MAX_SEQUENCE_LENGTH);
            assertThat(text.indexOf('\n')).isEqualTo(text.length() - 1);
            assertThat(e.blurb()).hasSizeLessThanOrEqualTo(CatalogGrammar.MAX_BLURB_CHARS);
        }
    }

    @Test
    void maximumSequenceLengthIsTheLongestPrefixPlusTheLongestBlurb() {
        int longestPrefix = 0;
        String longestSegment = CatalogLexicon.SEGMENTS.stream().reduce("", (a, b) -> b.length() > a.length() ? b : a);
        for (CatalogLexicon.Category c : CatalogLexicon.CATEGORIES) {
            for (String item : c.items()) {
                for (String f1 : c.features()) {
                    for (String f2 : c.features()) {
                        if (!f1.equals(f2)) {
                            String prefix = ContextPrefix.format(java.util.Map.of(
                                    ContextPrefix.SEGMENT, longestSegment, ContextPrefix.CATEGORY, c.name(),
                                    ContextPrefix.ITEM, item, ContextPrefix.FEATURES, f1 + "," + f2));
                            longestPrefix = Math.max(longestPrefix, prefix.length());
                        }
                    }
                }
            }
        }
        assertThat(CatalogCorpus.MAX_SEQUENCE_LENGTH).isEqualTo(longestPrefix + CatalogGrammar.MAX_BLURB_CHARS + 1);
    }

    @Test
    void contextsCoverTheLexiconAndHideAKeyInAboutOneExampleInTen() {
        Set<String> segments = new HashSet<>();
        Set<String> items = new HashSet<>();
        int partial = 0;
        for (CatalogExample e : CORPUS) {
            segments.add(e.context().get(ContextPrefix.SEGMENT));
            items.add(e.context().get(ContextPrefix.ITEM));
            if (e.context().size() < ContextPrefix.KEYS.size()) {
                partial++;
            }
        }
        assertThat(segments).containsAll(CatalogLexicon.SEGMENTS);
        assertThat(items).containsAll(CatalogLexicon.allItems());
        assertThat(partial).isBetween(200, 400);
    }

    @Test
    void blurbsVaryForTheSameContext() {
        Set<String> distinct = new HashSet<>();
        CORPUS.forEach(e -> distinct.add(e.blurb()));
        assertThat(distinct.size()).isGreaterThan(CORPUS.size() / 2);
    }

    @Test
    void negativeCountIsRejected() {
        assertThatThrownBy(() -> CatalogCorpus.generate(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
