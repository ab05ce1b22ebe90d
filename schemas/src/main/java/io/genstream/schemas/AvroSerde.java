package io.genstream.schemas;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde over an {@link AvroCodec}. Null maps to null both ways (tombstones on compacted topics); bytes that do
 * not decode throw {@link AvroDeserializationException} carrying the {@link RecordDecodeException.Reason}. Thread-safe.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final AvroCodec<T> codec;

  public AvroSerde(AvroCodec<T> codec) {
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  /** Serde for a generated record class with {@link AvroCodec#of(Class)}. */
  public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
    return new AvroSerde<>(AvroCodec.of(type));
  }

  public AvroCodec<T> codec() {
    return codec;
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, record) -> {
      if (record == null) {
        return null;
      }
      try {
        return codec.encode(record);
      } catch (RuntimeException e) {
        throw new SerializationException(
            "cannot encode " + codec.schema().getName() + " for topic " + topic + ": " + e.getMessage(), e);
      }
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return codec.decode(bytes);
      } catch (RecordDecodeException e) {
        throw new AvroDeserializationException("topic " + topic + ": " + e.getMessage(), e);
      }
    };
  }
}
