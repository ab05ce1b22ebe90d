package io.genstream.schemas;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Unchecked form of {@link RecordDecodeException} for Kafka's {@code Deserializer} contract, keeping the
 * {@link RecordDecodeException.Reason} so an exception handler can route the record to the dead-letter topic.
 */
public final class AvroDeserializationException extends SerializationException {

  private static final long serialVersionUID = 1L;

  private final RecordDecodeException.Reason reason;

  public AvroDeserializationException(String message, RecordDecodeException cause) {
    super(message, cause);
    this.reason = cause.reason();
  }

  public RecordDecodeException.Reason reason() {
    return reason;
  }
}
