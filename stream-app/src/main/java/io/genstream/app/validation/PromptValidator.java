package io.genstream.app.validation;

import io.genstream.app.generator.TextModelInfo;
import io.genstream.app.generator.TextPlan;
import io.genstream.avro.PromptEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks a decoded prompt request against the served text models and the configured bounds.
 * Pure: no Kafka, no I/O, so every rule is unit-tested directly.
 */
public final class PromptValidator {

    /** Largest temperature accepted: beyond it sampling is uniform noise. */
    public static final float MAX_TEMPERATURE = 100f;
    public static final int MAX_STOP_STRINGS = 8;
    public static final int MAX_STOP_CHARS = 64;
    public static final int MAX_CONTEXT_ENTRIES = 32;
    public static final int MAX_CONTEXT_CHARS = 256;
    public static final int MAX_REFERENCE_CHARS = 4096;

    private final Function<String, Optional<TextModelInfo>> models;
    private final int maxPromptChars;
    private final int maxTokens;

    /**
     * @param models the text model a request's {@code model} names, if served
     * @param maxPromptChars longest prompt accepted
     * @param maxTokens largest {@code maxTokens} accepted
     */
    public PromptValidator(Function<String, Optional<TextModelInfo>> models, int maxPromptChars, int maxTokens) {
        if (maxPromptChars < 1 || maxTokens < 1) {
            throw new IllegalArgumentException("maxPromptChars and maxTokens must be ≥ 1");
        }
        this.models = models;
        this.maxPromptChars = maxPromptChars;
        this.maxTokens = maxTokens;
    }

    public Validated<PromptEvent> validate(PromptEvent event) {
        Validated<PromptEvent> id = RequestIds.check(event.getRequestId(), event);
        if (!id.isAccepted()) {
            return id;
        }
        Optional<TextModelInfo> model = models.apply(event.getModel());
        if (model.isEmpty()) {
            return invalid(RejectionReason.UNKNOWN_MODEL,
                    "no text model named '" + RequestIds.abbreviate(event.getModel()) + "' is served here");
        }
        String prompt = event.getPrompt();
        if (prompt == null || prompt.isBlank()) {
            return invalid(RejectionReason.INVALID_PARAMETER, "prompt is empty");
        }
        if (prompt.length() > maxPromptChars) {
            return invalid(RejectionReason.TOO_LARGE,
                    "prompt has " + prompt.length() + " characters; at most " + maxPromptChars);
        }
        Validated<PromptEvent> sampling = checkSampling(event);
        if (!sampling.isAccepted()) {
            return sampling;
        }
        Validated<PromptEvent> extras = checkExtras(event);
        if (!extras.isAccepted()) {
            return extras;
        }
        int inputTokens = TextPlan.of(event, model.get()).tokens().length;
        int room = model.get().maxLength() - 1;
        if (inputTokens > room) {
            return invalid(RejectionReason.TOO_LARGE, "context and prompt make " + inputTokens + " tokens; "
                    + model.get().id() + " holds " + model.get().maxLength() + " with at least one to generate");
        }
        return Validated.accepted(event);
    }

    private Validated<PromptEvent> checkSampling(PromptEvent event) {
        int tokens = event.getMaxTokens();
        if (tokens < 1) {
            return invalid(RejectionReason.INVALID_PARAMETER, "maxTokens is " + tokens + "; it must be ≥ 1");
        }
        if (tokens > maxTokens) {
            return invalid(RejectionReason.TOO_LARGE, "maxTokens is " + tokens + "; at most " + maxTokens);
        }
        float temperature = event.getTemperature();
        if (!Float.isFinite(temperature) || temperature < 0 || temperature > MAX_TEMPERATURE) {
            return invalid(RejectionReason.INVALID_PARAMETER,
                    "temperature is " + temperature + "; it must be in [0, " + MAX_TEMPERATURE + "]");
        }
        Integer topK = event.getTopK();
        if (topK != null && topK < 1) {
            return invalid(RejectionReason.INVALID_PARAMETER, "topK is " + topK + "; it must be ≥ 1 (or null)");
        }
        Float topP = event.getTopP();
        if (topP != null && !(topP > 0 && topP <= 1)) {
            return invalid(RejectionReason.INVALID_PARAMETER, "topP is " + topP + "; it must be in (0, 1] (or null)");
        }
        return Validated.accepted(event);
    }

    private Validated<PromptEvent> checkExtras(PromptEvent event) {
        List<String> stop = event.getStop();
        if (stop != null) {
            if (stop.size() > MAX_STOP_STRINGS) {
                return invalid(RejectionReason.TOO_LARGE,
                        stop.size() + " stop strings; at most " + MAX_STOP_STRINGS);
            }
            for (String s : stop) {
                if (s == null || s.isEmpty()) {
                    return invalid(RejectionReason.INVALID_PARAMETER, "a stop string is empty");
                }
                if (s.length() > MAX_STOP_CHARS) {
                    return invalid(RejectionReason.TOO_LARGE,
                            "a stop string has " + s.length() + " characters; at most " + MAX_STOP_CHARS);
                }
            }
        }
        Map<String, String> context = event.getContext();
        if (context != null) {
            if (context.size() > MAX_CONTEXT_ENTRIES) {
                return invalid(RejectionReason.TOO_LARGE,
                        "context has " + context.size() + " entries; at most " + MAX_CONTEXT_ENTRIES);
            }
            for (Map.Entry<String, String> entry : context.entrySet()) {
                if (entry.getKey().length() > MAX_CONTEXT_CHARS || entry.getValue().length() > MAX_CONTEXT_CHARS) {
                    return invalid(RejectionReason.TOO_LARGE, "context entry '"
                            + RequestIds.abbreviate(entry.getKey()) + "' is longer than " + MAX_CONTEXT_CHARS
                            + " characters");
                }
            }
        }
        String reference = event.getReference();
        if (reference != null && reference.length() > MAX_REFERENCE_CHARS) {
            return invalid(RejectionReason.TOO_LARGE,
                    "reference has " + reference.length() + " characters; at most " + MAX_REFERENCE_CHARS);
        }
        return Validated.accepted(event);
    }

    private static Validated<PromptEvent> invalid(RejectionReason reason, String message) {
        return Validated.rejected(reason, message);
    }
}
