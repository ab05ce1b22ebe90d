package io.genstream.app.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfBleuTest {

    private static final double EXACT = 1e-12;

    @Test
    void averagesEachTextsBleuAgainstTheOthers() {
        // BLEU+1 of each text against the other two (4-gram totals are 0, so p4 = (0+1)/(0+1) = 1; every
        // length is 3, so BP = 1):
        //   "the cat sat" vs {B, C}: the, cat match, sat not: 2/3; "the cat" yes, "cat sat" no: (1+1)/(2+1);
        //     "the cat sat" no: (0+1)/(1+1) -> (2/3 * 2/3 * 1/2)^(1/4) = (2/9)^(1/4)
        //   "the cat ran" vs {A, C}: all three words: 3/3; "the cat" only: 2/3; trigram 1/2 -> (1/3)^(1/4)
        //   "a dog ran" vs {A, B}: only "ran": 1/3; no bigram: (0+1)/(2+1); trigram 1/2 -> (1/18)^(1/4)
        double expected = (Math.pow(2.0 / 9, 0.25) + Math.pow(1.0 / 3, 0.25) + Math.pow(1.0 / 18, 0.25)) / 3;
        assertThat(SelfBleu.of(List.of("the cat sat", "the cat ran", "a dog ran"), 10, 0).getAsDouble())
                .isCloseTo(expected, within(EXACT));
    }

    @Test
    void isOneForCopiesAndZeroForTextsSharingNoWord() {
        String blurb = "a warm wool scarf for cold winter days";
        assertThat(SelfBleu.of(List.of(blurb, blurb, blurb), 10, 0).getAsDouble()).isCloseTo(1.0, within(EXACT));
        assertThat(SelfBleu.of(List.of("red shoes", "blue hat", "green coat"), 10, 0).getAsDouble()).isZero();
    }

    @Test
    void isEmptyWithoutTwoTexts() {
        assertThat(SelfBleu.of(List.of(), 10, 0)).isEmpty();
        assertThat(SelfBleu.of(List.of("just one"), 10, 0)).isEmpty();
        assertThatThrownBy(() -> SelfBleu.of(List.of("a", "b"), 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scoresOnlyTheSeededSampleWhenThereAreMoreTextsThanTheCap() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add("item " + i + " is a " + (i % 3 == 0 ? "warm wool scarf" : "light summer dress " + i % 7));
        }
        int[] chosen = SeededSample.indices(texts.size(), 8, 42);
        assertThat(chosen).hasSize(8).doesNotHaveDuplicates();
        List<String> sample = new ArrayList<>();
        for (int index : chosen) {
            sample.add(texts.get(index));
        }
        double capped = SelfBleu.of(texts, 8, 42).getAsDouble();
        // The capped figure is the self-BLEU of exactly those 8 texts, the same on every call ...
        assertThat(capped).isEqualTo(SelfBleu.of(sample, 8, 0).getAsDouble());
        assertThat(SelfBleu.of(texts, 8, 42).getAsDouble()).isEqualTo(capped);
        // ... and another seed draws another sample.
        assertThat(SeededSample.indices(texts.size(), 8, 43)).isNotEqualTo(chosen);
    }
}
