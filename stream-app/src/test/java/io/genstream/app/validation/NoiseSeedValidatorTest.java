package io.genstream.app.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.generator.ImageModelInfo;
import io.genstream.app.topology.NoiseSeedEvents;
import io.genstream.avro.NoiseSeedEvent;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoiseSeedValidatorTest {

    private static final ImageModelInfo GAN = new ImageModelInfo("digits-gan", "1", 64, 10, 28, 28);
    private final NoiseSeedValidator validator = new NoiseSeedValidator(
            name -> name.equals("digits-gan") ? Optional.of(GAN) : Optional.empty(), 8, 16);

    private Validated<NoiseSeedEvent> check(NoiseSeedEvent.Builder event) {
        return validator.validate(event.build());
    }

    private static void assertRejected(Validated<NoiseSeedEvent> result, RejectionReason reason, String mentions) {
        assertThat(result.isAccepted()).isFalse();
        assertThat(result.rejection().reason()).isEqualTo(reason);
        assertThat(result.rejection().message()).contains(mentions);
    }

    @Test
    void acceptsRequestsAtTheBounds() {
        assertThat(check(NoiseSeedEvents.valid("a").setCount(1)).isAccepted()).isTrue();
        assertThat(check(NoiseSeedEvents.valid("a").setCount(8).setLabel(0)).isAccepted()).isTrue();
        assertThat(check(NoiseSeedEvents.valid("a").setLabel(9)).isAccepted()).isTrue();
        assertThat(check(NoiseSeedEvents.valid("a").setInterpolateTo(1L).setSteps(2)).isAccepted()).isTrue();
        assertThat(check(NoiseSeedEvents.valid("a").setInterpolateTo(1L).setSteps(16)).isAccepted()).isTrue();
    }

    @Test
    void rejectsCountOutsideOneToTheCap() {
        assertRejected(check(NoiseSeedEvents.valid("a").setCount(0)), RejectionReason.INVALID_PARAMETER, "count is 0");
        assertRejected(check(NoiseSeedEvents.valid("a").setCount(-1)), RejectionReason.INVALID_PARAMETER, "count is -1");
        assertRejected(check(NoiseSeedEvents.valid("a").setCount(9)), RejectionReason.TOO_LARGE, "at most 8");
    }

    @Test
    void rejectsLabelsTheModelDoesNotHave() {
        assertRejected(check(NoiseSeedEvents.valid("a").setLabel(10)), RejectionReason.INVALID_PARAMETER, "0..9");
        assertRejected(check(NoiseSeedEvents.valid("a").setLabel(-1)), RejectionReason.INVALID_PARAMETER, "label -1");
    }

    @Test
    void rejectsUnknownModelsWithoutEchoingUnboundedInput() {
        Validated<NoiseSeedEvent> result = check(NoiseSeedEvents.valid("a").setModel("x".repeat(10_000)));
        assertRejected(result, RejectionReason.UNKNOWN_MODEL, "no image model named");
        assertThat(result.rejection().message().length()).isLessThan(200);
    }

    @Test
    void rejectsBadInterpolations() {
        assertRejected(check(NoiseSeedEvents.valid("a").setInterpolateTo(1L).setSteps(1)),
                RejectionReason.INVALID_PARAMETER, "steps is 1");
        assertRejected(check(NoiseSeedEvents.valid("a").setInterpolateTo(1L).setSteps(17)),
                RejectionReason.TOO_LARGE, "at most 16");
        assertRejected(check(NoiseSeedEvents.valid("a").setInterpolateTo(1L).setSteps(4).setCount(3)),
                RejectionReason.INVALID_PARAMETER, "count is 3");
    }

    @Test
    void rejectsEmptyAndOverlongRequestIds() {
        assertRejected(check(NoiseSeedEvents.valid(" ")), RejectionReason.INVALID_PARAMETER, "requestId is empty");
        assertRejected(check(NoiseSeedEvents.valid("r".repeat(257))), RejectionReason.TOO_LARGE, "257");
    }
}
