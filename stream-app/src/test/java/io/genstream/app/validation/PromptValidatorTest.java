package io.genstream.app.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.generator.TextModelInfo;
import io.genstream.app.topology.PromptEvents;
import io.genstream.avro.PromptEvent;
import io.genstream.models.text.CharVocabulary;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromptValidatorTest {

    private static final TextModelInfo GPT =
            new TextModelInfo("catalog-gpt", "1", "gpt", CharVocabulary.catalog(), 128, 1024);
    private final PromptValidator validator = new PromptValidator(
            name -> name.equals("catalog-gpt") ? Optional.of(GPT) : Optional.empty(), 200, 64);

    private Validated<PromptEvent> check(PromptEvent.Builder event) {
        return validator.validate(event.build());
    }

    private static void assertRejected(Validated<PromptEvent> result, RejectionReason reason, String mentions) {
        assertThat(result.isAccepted()).isFalse();
        assertThat(result.rejection().reason()).isEqualTo(reason);
        assertThat(result.rejection().message()).contains(mentions);
    }

    @Test
    void acceptsRequestsAtTheBounds() {
        assertThat(check(PromptEvents.valid("a")).isAccepted()).isTrue();
        assertThat(check(PromptEvents.valid("a").setMaxTokens(1).setTemperature(0f)).isAccepted()).isTrue();
        assertThat(check(PromptEvents.valid("a").setMaxTokens(64).setTopK(1).setTopP(1f)).isAccepted()).isTrue();
        assertThat(check(PromptEvents.valid("a").setTopP(0.01f).setStop(List.of("."))).isAccepted()).isTrue();
    }

    @Test
    void rejectsTemperatureThatIsNotAFiniteNonNegativeNumber() {
        assertRejected(check(PromptEvents.valid("a").setTemperature(Float.NaN)), RejectionReason.INVALID_PARAMETER,
                "temperature is NaN");
        assertRejected(check(PromptEvents.valid("a").setTemperature(-0.1f)), RejectionReason.INVALID_PARAMETER,
                "temperature is -0.1");
        assertRejected(check(PromptEvents.valid("a").setTemperature(Float.POSITIVE_INFINITY)),
                RejectionReason.INVALID_PARAMETER, "temperature");
        assertRejected(check(PromptEvents.valid("a").setTemperature(1e9f)), RejectionReason.INVALID_PARAMETER,
                "temperature");
    }

    @Test
    void rejectsTopPOutsideZeroToOneAndTopKBelowOne() {
        assertRejected(check(PromptEvents.valid("a").setTopP(0f)), RejectionReason.INVALID_PARAMETER, "topP is 0.0");
        assertRejected(check(PromptEvents.valid("a").setTopP(1.5f)), RejectionReason.INVALID_PARAMETER, "topP is 1.5");
        assertRejected(check(PromptEvents.valid("a").setTopP(Float.NaN)), RejectionReason.INVALID_PARAMETER, "topP");
        assertRejected(check(PromptEvents.valid("a").setTopP(-1f)), RejectionReason.INVALID_PARAMETER, "topP");
        assertRejected(check(PromptEvents.valid("a").setTopK(0)), RejectionReason.INVALID_PARAMETER, "topK is 0");
    }

    @Test
    void rejectsMaxTokensBelowOneOrAboveTheCap() {
        assertRejected(check(PromptEvents.valid("a").setMaxTokens(0)), RejectionReason.INVALID_PARAMETER,
                "maxTokens is 0");
        assertRejected(check(PromptEvents.valid("a").setMaxTokens(65)), RejectionReason.TOO_LARGE, "at most 64");
        assertRejected(check(PromptEvents.valid("a").setMaxTokens(1_000_000_000)), RejectionReason.TOO_LARGE,
                "maxTokens is 1000000000");
    }

    @Test
    void rejectsEmptyAndOverlongPrompts() {
        assertRejected(check(PromptEvents.valid("a").setPrompt("")), RejectionReason.INVALID_PARAMETER, "prompt is empty");
        assertRejected(check(PromptEvents.valid("a").setPrompt("   ")), RejectionReason.INVALID_PARAMETER,
                "prompt is empty");
        assertRejected(check(PromptEvents.valid("a").setPrompt("x".repeat(201))), RejectionReason.TOO_LARGE,
                "prompt has 201 characters; at most 200");
    }

    @Test
    void rejectsAPromptThatLeavesTheModelNoRoomToGenerate() {
        // Within the 200-character cap, but with the context prefix more than the model's 128 positions.
        assertRejected(check(PromptEvents.valid("a").setPrompt("a".repeat(120))), RejectionReason.TOO_LARGE,
                "catalog-gpt@1 holds 128");
    }

    @Test
    void rejectsUnknownModelsAndBadRequestIds() {
        assertRejected(check(PromptEvents.valid("a").setModel("digits-gan")), RejectionReason.UNKNOWN_MODEL,
                "no text model named 'digits-gan'");
        assertRejected(check(PromptEvents.valid("")), RejectionReason.INVALID_PARAMETER, "requestId is empty");
        assertRejected(check(PromptEvents.valid("r".repeat(257))), RejectionReason.TOO_LARGE, "requestId");
    }

    @Test
    void rejectsOversizedStopStringsContextAndReference() {
        assertRejected(check(PromptEvents.valid("a").setStop(Collections.nCopies(9, "."))), RejectionReason.TOO_LARGE,
                "9 stop strings");
        assertRejected(check(PromptEvents.valid("a").setStop(List.of(""))), RejectionReason.INVALID_PARAMETER,
                "stop string is empty");
        assertRejected(check(PromptEvents.valid("a").setStop(List.of("s".repeat(65)))), RejectionReason.TOO_LARGE,
                "stop string");
        Map<String, String> big = new HashMap<>();
        for (int i = 0; i < 33; i++) {
            big.put("k" + i, "v");
        }
        assertRejected(check(PromptEvents.valid("a").setContext(big)), RejectionReason.TOO_LARGE, "33 entries");
        assertRejected(check(PromptEvents.valid("a").setContext(Map.of("item", "x".repeat(257)))),
                RejectionReason.TOO_LARGE, "context entry 'item'");
        assertRejected(check(PromptEvents.valid("a").setReference("r".repeat(4097))), RejectionReason.TOO_LARGE,
                "reference");
    }
}
