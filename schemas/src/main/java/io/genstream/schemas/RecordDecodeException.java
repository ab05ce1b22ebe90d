package io.genstream.schemas;

import java.util.Objects;

/** Bytes that cannot be decoded into a record; {@link #reason()} says which kind of failure, for the dead-letter topic. */
public final class RecordDecodeException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why decoding failed. The names double as the stable {@code RejectedEvent.reason} codes. */
  public enum Reason {
    /** Null, empty, bad header, truncated, trailing or otherwise invalid bytes. */
    MALFORMED,
    /** A well-formed header whose writer-schema fingerprint is not a known version of the record. */
    UNKNOWN_SCHEMA,
    /** More bytes than the codec accepts. */
    TOO_LARGE
  }

  private final Reason reason;

  public RecordDecodeException(Reason reason, String message) {
    this(reason, message, null);
  }

  public RecordDecodeException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
