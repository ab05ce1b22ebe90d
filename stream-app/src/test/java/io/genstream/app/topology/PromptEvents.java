package io.genstream.app.topology;

import io.genstream.avro.PromptEvent;
import java.util.Map;

/** Valid prompt events to start a test from. */
public final class PromptEvents {

    private PromptEvents() {}

    /** A valid request for 24 tokens from {@code catalog-gpt} at temperature 0.8, seed 7. */
    public static PromptEvent.Builder valid(String requestId) {
        return PromptEvent.newBuilder()
                .setRequestId(requestId)
                .setModel("catalog-gpt")
                .setPrompt("this")
                .setMaxTokens(24)
                .setTemperature(0.8f)
                .setTopK(null)
                .setTopP(null)
                .setSeed(7L)
                .setReference(null)
                .setContext(Map.of("segment", "runners", "category", "footwear", "item", "trail shoe"))
                .setStop(null)
                .setCreatedAt(1_700_000_000_000L);
    }
}
