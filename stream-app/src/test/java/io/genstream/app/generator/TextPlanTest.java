package io.genstream.app.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.topology.PromptEvents;
import io.genstream.models.text.CharVocabulary;
import io.genstream.models.text.ContextPrefix;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextPlanTest {

    private static final TextModelInfo MODEL =
            new TextModelInfo("catalog-gpt", "1", "gpt", CharVocabulary.catalog(), 128, 1);

    @Test
    void theInputIsTheContextPrefixFollowedByThePrompt() {
        Map<String, String> context = Map.of("segment", "runners", "item", "trail shoe");
        TextPlan plan = TextPlan.of(PromptEvents.valid("a").setContext(context).setPrompt("built for").build(), MODEL);

        assertThat(CharVocabulary.catalog().decode(plan.tokens())).isEqualTo(ContextPrefix.format(context) + "built for");
        assertThat(plan.promptText()).isEqualTo("built for");
        assertThat(plan.droppedChars()).isZero();
    }

    @Test
    void charactersOutsideTheVocabularyAreNormalisedOrDroppedAndCounted() {
        TextPlan plan = TextPlan.of(PromptEvents.valid("a").setPrompt("Café\nFOR 日本 #1").build(), MODEL);

        // é → e, upper case → lower case, the line break → a space; 日, 本, # and 1 are dropped.
        assertThat(plan.promptText()).isEqualTo("cafe for  ");
        assertThat(plan.droppedChars()).isEqualTo(4);
    }

    @Test
    void withoutASeedTheRequestIdGivesAStableOne() {
        TextPlan first = TextPlan.of(PromptEvents.valid("req-1").setSeed(null).build(), MODEL);
        TextPlan again = TextPlan.of(PromptEvents.valid("req-1").setSeed(null).build(), MODEL);
        TextPlan other = TextPlan.of(PromptEvents.valid("req-2").setSeed(null).build(), MODEL);

        assertThat(first.seed()).isEqualTo(again.seed()).isNotEqualTo(other.seed());
        assertThat(TextPlan.of(PromptEvents.valid("req-1").setSeed(42L).build(), MODEL).seed()).isEqualTo(42L);
    }
}
