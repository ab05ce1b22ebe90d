package io.genstream.app.validation;

import io.genstream.app.generator.ImageModelInfo;
import io.genstream.avro.NoiseSeedEvent;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks a decoded noise-seed request against the served models and the configured bounds.
 * Pure: no Kafka, no I/O, so every rule is unit-tested directly.
 */
public final class NoiseSeedValidator {

    /** Longest request id accepted; ids are keys and appear in every output. */
    public static final int MAX_REQUEST_ID_LENGTH = RequestIds.MAX_LENGTH;

    private final Function<String, Optional<ImageModelInfo>> models;
    private final int maxCount;
    private final int maxSteps;

    /**
     * @param models the image model a request's {@code model} names, if served
     * @param maxCount largest {@code count} accepted
     * @param maxSteps largest {@code steps} accepted for an interpolation
     */
    public NoiseSeedValidator(
            Function<String, Optional<ImageModelInfo>> models, int maxCount, int maxSteps) {
        if (maxCount < 1 || maxSteps < 2) {
            throw new IllegalArgumentException("maxCount must be ≥ 1 and maxSteps ≥ 2");
        }
        this.models = models;
        this.maxCount = maxCount;
        this.maxSteps = maxSteps;
    }

    public Validated<NoiseSeedEvent> validate(NoiseSeedEvent event) {
        Validated<NoiseSeedEvent> id = RequestIds.check(event.getRequestId(), event);
        if (!id.isAccepted()) {
            return id;
        }
        Optional<ImageModelInfo> model = models.apply(event.getModel());
        if (model.isEmpty()) {
            return Validated.rejected(RejectionReason.UNKNOWN_MODEL,
                    "no image model named '" + RequestIds.abbreviate(event.getModel()) + "' is served here");
        }
        Validated<NoiseSeedEvent> size = event.getInterpolateTo() == null
                ? checkCount(event)
                : checkInterpolation(event);
        if (!size.isAccepted()) {
            return size;
        }
        Integer label = event.getLabel();
        int classes = model.get().numClasses();
        if (label != null && (label < 0 || label >= classes)) {
            return Validated.rejected(RejectionReason.INVALID_PARAMETER,
                    "label " + label + " is out of range: " + model.get().id() + " has labels 0.." + (classes - 1));
        }
        return Validated.accepted(event);
    }

    private Validated<NoiseSeedEvent> checkCount(NoiseSeedEvent event) {
        int count = event.getCount();
        if (count <= 0) {
            return Validated.rejected(RejectionReason.INVALID_PARAMETER, "count is " + count + "; it must be ≥ 1");
        }
        if (count > maxCount) {
            return Validated.rejected(RejectionReason.TOO_LARGE,
                    "count is " + count + "; at most " + maxCount + " images per request");
        }
        return Validated.accepted(event);
    }

    private Validated<NoiseSeedEvent> checkInterpolation(NoiseSeedEvent event) {
        int steps = event.getSteps();
        if (event.getCount() != 1) {
            return Validated.rejected(RejectionReason.INVALID_PARAMETER,
                    "count is " + event.getCount() + " with interpolateTo set; it must be 1 (steps sets the frames)");
        }
        if (steps < 2) {
            return Validated.rejected(RejectionReason.INVALID_PARAMETER,
                    "steps is " + steps + " with interpolateTo set; it must be ≥ 2");
        }
        if (steps > maxSteps) {
            return Validated.rejected(RejectionReason.TOO_LARGE,
                    "steps is " + steps + "; at most " + maxSteps + " interpolation frames per request");
        }
        return Validated.accepted(event);
    }

}
