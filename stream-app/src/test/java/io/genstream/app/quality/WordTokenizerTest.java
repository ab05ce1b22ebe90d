package io.genstream.app.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordTokenizerTest {

    @Test
    void lowerCasesAndDropsPunctuationAndSymbols() {
        assertThat(WordTokenizer.tokenize("Soft, warm -- and only $19.99!"))
                .containsExactly("soft", "warm", "and", "only", "19", "99");
    }

    @Test
    void splitsOnEveryKindOfWhitespaceAndInsideContractions() {
        assertThat(WordTokenizer.tokenize("Don't\tstop\n\nnow")).containsExactly("don", "t", "stop", "now");
    }

    @Test
    void keepsAccentedLettersInsideAWord() {
        // Precomposed é and a decomposed e + combining grave accent (U+0300) both stay in their words.
        assertThat(WordTokenizer.tokenize("Café CRE\u0300ME")).containsExactly("café", "cre\u0300me");
    }

    @Test
    void givesNoTokensForATextWithoutLettersOrDigits() {
        assertThat(WordTokenizer.tokenize("")).isEmpty();
        assertThat(WordTokenizer.tokenize("  ... !? ")).isEmpty();
    }
}
