package io.genstream.app.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistinctNTest {

    private static final double EXACT = 1e-12;

    @Test
    void countsDistinctNgramsOfOneText() {
        // "the cat saw the cat": unigrams the, cat, saw, the, cat -> 3 distinct of 5;
        // bigrams "the cat", "cat saw", "saw the", "the cat" -> 3 distinct of 4.
        assertThat(DistinctN.ofText("The cat saw the cat.", 1)).isCloseTo(3.0 / 5, within(EXACT));
        assertThat(DistinctN.ofText("The cat saw the cat.", 2)).isCloseTo(3.0 / 4, within(EXACT));
    }

    @Test
    void poolsTheNgramsOfASetOfTexts() {
        // "the cat sat" + "the cat ran": unigrams the, cat, sat, the, cat, ran -> 4 distinct of 6;
        // bigrams "the cat", "cat sat", "the cat", "cat ran" -> 3 distinct of 4 ("sat the" is not one: n-grams stay
        // inside a text). Each text alone has distinct-1 = 1: the set's lower figure is the texts repeating each other.
        List<String> texts = List.of("the cat sat", "the cat ran");
        assertThat(DistinctN.ofTexts(texts, 1)).isCloseTo(4.0 / 6, within(EXACT));
        assertThat(DistinctN.ofTexts(texts, 2)).isCloseTo(3.0 / 4, within(EXACT));
        assertThat(DistinctN.ofText("the cat sat", 1)).isEqualTo(1.0);
    }

    @Test
    void scoresZeroWhenThereIsNoNgram() {
        assertThat(DistinctN.ofText("hello", 2)).isZero();
        assertThat(DistinctN.ofText("", 1)).isZero();
        assertThat(DistinctN.ofTexts(List.of(), 1)).isZero();
    }
}
