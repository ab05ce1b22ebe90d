package io.genstream.models.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CharVocabularyTest {

    private final CharVocabulary vocabulary = CharVocabulary.catalog();

    @Test
    void idZeroIsTheEndOfTextCharacter() {
        assertThat(vocabulary.chars().charAt(CharVocabulary.END_ID)).isEqualTo('\n');
        assertThat(vocabulary.encode("\n")).containsExactly(0);
        assertThat(vocabulary.size()).isEqualTo(vocabulary.chars().length());
    }

    @Test
    void encodeThenDecodeGivesTheTextBack() {
        String text = "s=runners|c=footwear>runners will love this trail shoe! why wait?\n";
        int[] ids = vocabulary.encode(text);
        assertThat(java.util.Arrays.stream(ids).max().getAsInt()).isLessThan(vocabulary.size());
        assertThat(vocabulary.decode(ids)).isEqualTo(text);
        assertThat(ids[0]).isEqualTo(vocabulary.chars().indexOf('s'));
    }

    @Test
    void encodeNamesEveryUnknownCharacter() {
        assertThatThrownBy(() -> vocabulary.encode("Trail shoe 2\t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'T'").hasMessageContaining("'2'").hasMessageContaining("U+0009");
    }

    @Test
    void decodeRejectsIdsOutsideTheVocabulary() {
        assertThatThrownBy(() -> vocabulary.decode(new int[] {0, vocabulary.size()})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> vocabulary.decode(new int[] {-1})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void normalizeFoldsAccentsCaseAndCompatibilityFormsAndDropsTheRest() {
        assertThat(vocabulary.normalize("Café CRÈME")).isEqualTo("cafe creme");
        assertThat(vocabulary.normalize("ﬁne ｆｕｌｌ")).isEqualTo("fine full");
        assertThat(vocabulary.normalize("size 10\t😀 ok")).isEqualTo("size  ok");
        assertThat(vocabulary.normalize("line\nbreak")).isEqualTo("line\nbreak");
        String normalized = vocabulary.normalize("Ünïcödé → Straße №5");
        assertThat(vocabulary.decode(vocabulary.encode(normalized))).isEqualTo(normalized);
    }

    @Test
    void upperCaseIsKeptWhenTheVocabularyHasIt() {
        CharVocabulary mixed = new CharVocabulary("\nAa");
        assertThat(mixed.normalize("AaB")).isEqualTo("Aa");
    }

    @Test
    void constructorRejectsAMissingEndCharacterOrRepeats() {
        assertThatThrownBy(() -> new CharVocabulary("ab\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CharVocabulary("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CharVocabulary("\naba")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a'");
    }
}
