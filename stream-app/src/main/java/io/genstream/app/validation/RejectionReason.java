package io.genstream.app.validation;

/**
 * Stable reason codes written to the dead-letter topic ({@code RejectedEvent.reason}) and used as
 * the {@code reason} tag of the rejection counter. Codes are never renamed.
 */
public enum RejectionReason {
    /** The bytes are not a single-object-encoded Avro record of the expected type. */
    MALFORMED,
    /** Well-formed header, but the writer schema's fingerprint is not a known version. */
    UNKNOWN_SCHEMA,
    /** The requested model (name or alias) is not served here, or not of the right kind. */
    UNKNOWN_MODEL,
    /** A field is out of its allowed range. */
    INVALID_PARAMETER,
    /** The request asks for more than the configured bounds allow. */
    TOO_LARGE,
    /** The model failed while generating this request. */
    GENERATION_FAILED,
    /** The record's key had more requests in the current window than the configured rate allows. */
    RATE_LIMITED
}
