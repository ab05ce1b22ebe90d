package io.genstream.app.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.runtime.FinishReason;
import io.genstream.app.runtime.TokenChooser.Choice;
import io.genstream.app.topology.PromptEvents;
import io.genstream.avro.PromptEvent;
import io.genstream.models.text.CharVocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextChooserTest {

    private static final CharVocabulary VOCABULARY = CharVocabulary.catalog();
    private static final TextModelInfo MODEL = new TextModelInfo("catalog-gpt", "1", "gpt", VOCABULARY, 128, 1);

    /** Logits that make {@code text}'s characters, in turn, overwhelmingly likely. */
    private static List<Choice> feed(TextChooser chooser, String text) {
        List<Choice> choices = new ArrayList<>();
        for (char c : text.toCharArray()) {
            float[] logits = new float[VOCABULARY.size()];
            logits[VOCABULARY.chars().indexOf(c)] = 50f;
            Choice choice = chooser.choose(logits);
            choices.add(choice);
            if (choice.finish() != null) {
                break;
            }
        }
        return choices;
    }

    private static TextChooser chooser(PromptEvent.Builder event) {
        return new TextChooser(TextPlan.of(event.build(), MODEL), VOCABULARY);
    }

    @Test
    void stopsAfterMaxTokens() {
        List<Choice> choices = feed(chooser(PromptEvents.valid("a").setMaxTokens(5)), "abcdefghij");

        assertThat(choices).hasSize(5);
        assertThat(choices.get(4).finish()).isEqualTo(FinishReason.MAX_TOKENS);
        assertThat(choices.subList(0, 4)).allSatisfy(c -> assertThat(c.finish()).isNull());
    }

    @Test
    void stopsAtTheEndOfTextToken() {
        List<Choice> choices = feed(chooser(PromptEvents.valid("a")), "ab\ncd");

        assertThat(choices).extracting(Choice::token).containsExactly(
                VOCABULARY.chars().indexOf('a'), VOCABULARY.chars().indexOf('b'), CharVocabulary.END_ID);
        assertThat(choices.get(2).finish()).isEqualTo(FinishReason.END);
    }

    @Test
    void stopsWhenTheTextEndsWithAStopString() {
        List<Choice> choices = feed(chooser(PromptEvents.valid("a").setStop(List.of("xyz", "d."))), "abcd. more");

        assertThat(choices).hasSize(5);
        assertThat(choices.get(4).finish()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void theSameSeedChoosesTheSameTokensAndAnotherSeedOthers() {
        float[][] logits = new float[40][VOCABULARY.size()];
        Random shape = new Random(1);
        for (float[] row : logits) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) shape.nextGaussian();
            }
        }
        assertThat(sample(7L, logits)).isEqualTo(sample(7L, logits)).isNotEqualTo(sample(8L, logits));
    }

    private static List<Integer> sample(long seed, float[][] logits) {
        TextChooser chooser = chooser(PromptEvents.valid("a").setSeed(seed).setMaxTokens(64).setTemperature(1f));
        List<Integer> tokens = new ArrayList<>();
        for (float[] row : logits) {
            tokens.add(chooser.choose(row.clone()).token());
        }
        return tokens;
    }
}
