package io.genstream.app.validation;

/** The rules every request shares: its id, and how user input is echoed into messages. */
final class RequestIds {

    /** Longest request id accepted; ids are keys and appear in every output. */
    static final int MAX_LENGTH = 256;

    private RequestIds() {}

    /** Accepts {@code event} when its request id is present and not too long. */
    static <T> Validated<T> check(String requestId, T event) {
        if (requestId == null || requestId.isBlank()) {
            return Validated.rejected(RejectionReason.INVALID_PARAMETER, "requestId is empty");
        }
        if (requestId.length() > MAX_LENGTH) {
            return Validated.rejected(RejectionReason.TOO_LARGE,
                    "requestId has " + requestId.length() + " characters; at most " + MAX_LENGTH);
        }
        return Validated.accepted(event);
    }

    /** Echoes user input into messages only up to a bound. */
    static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
