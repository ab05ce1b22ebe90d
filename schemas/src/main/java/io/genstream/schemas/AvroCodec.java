package io.genstream.schemas;

import io.genstream.schemas.RecordDecodeException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes and decodes one generated record type in Avro's single-object encoding: {@code C3 01}, the 8-byte
 * little-endian CRC-64-AVRO fingerprint of the writer schema, then the Avro binary body.
 *
 * <p>Avro's {@link BinaryMessageEncoder} and {@link BinaryMessageDecoder} do the work; the decoder resolves the writer
 * schema through a {@link SchemaHistory}, so records written with any published version are read as the current one.
 * Every failure to decode is a checked {@link RecordDecodeException} with a {@link Reason}, never an unchecked Avro
 * exception. Thread-safe: Kafka Streams calls one serde from many threads, so each thread gets its own Avro
 * encoder and decoder.
 */
public final class AvroCodec<T extends SpecificRecord> {

  /** Default bound on an encoded record: 1 MiB, Kafka's default {@code max.request.size}. */
  public static final int DEFAULT_MAX_BYTES = 1 << 20;

  // Single-object header: 2 magic bytes, then the fingerprint. Avro keeps its copy package-private.
  private static final byte MAGIC_0 = (byte) 0xC3;
  private static final byte MAGIC_1 = (byte) 0x01;
  private static final int HEADER_LENGTH = 10;

  private final String name;
  private final SchemaHistory history;
  private final int maxBytes;
  private final ThreadLocal<BinaryMessageEncoder<T>> encoder;
  private final ThreadLocal<BinaryMessageDecoder<T>> decoder;

  private AvroCodec(SpecificData model, SchemaHistory history, int maxBytes) {
    if (maxBytes < HEADER_LENGTH) {
      throw new IllegalArgumentException("maxBytes must be at least " + HEADER_LENGTH + ", was " + maxBytes);
    }
    this.name = history.current().getName();
    this.history = history;
    this.maxBytes = maxBytes;
    this.encoder = ThreadLocal.withInitial(() -> new BinaryMessageEncoder<>(model, history.current()));
    this.decoder = ThreadLocal.withInitial(() -> new BinaryMessageDecoder<>(model, history.current(), history));
  }

  /** Codec for a generated record class, reading every version in its classpath history, up to 1 MiB. */
  public static <T extends SpecificRecord> AvroCodec<T> of(Class<T> type) {
    return of(type, DEFAULT_MAX_BYTES);
  }

  /** Codec for a generated record class, reading every version in its classpath history, up to {@code maxBytes}. */
  public static <T extends SpecificRecord> AvroCodec<T> of(Class<T> type, int maxBytes) {
    SpecificData model = SpecificData.getForClass(type);
    return new AvroCodec<>(model, SchemaHistory.load(model.getSchema(type), type.getClassLoader()), maxBytes);
  }

  /** Codec for a generated record class reading exactly the versions in {@code history}. */
  public static <T extends SpecificRecord> AvroCodec<T> of(Class<T> type, SchemaHistory history, int maxBytes) {
    SpecificData model = SpecificData.getForClass(type);
    if (!model.getSchema(type).equals(history.current())) {
      throw new IllegalArgumentException("history of " + history.current().getFullName() + " is not for " + type);
    }
    return new AvroCodec<>(model, history, maxBytes);
  }

  /** The current (reader and writer) schema. */
  public Schema schema() {
    return history.current();
  }

  public int maxBytes() {
    return maxBytes;
  }

  /**
   * The single-object encoding of {@code record} with the current schema.
   *
   * @throws IllegalArgumentException when the encoding is over {@link #maxBytes()}: readers would reject it
   * @throws RuntimeException from Avro when the record is invalid, e.g. a required field is null
   */
  public byte[] encode(T record) {
    Objects.requireNonNull(record, "record");
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try {
      encoder.get().encode(record, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + name, e); // a ByteArrayOutputStream does not fail
    }
    if (out.size() > maxBytes) {
      throw new IllegalArgumentException(
          "encoded " + name + " is " + out.size() + " bytes, over the limit of " + maxBytes);
    }
    return out.toByteArray();
  }

  /** The record in {@code bytes}, written with any known version of its schema and read as the current one. */
  public T decode(byte[] bytes) throws RecordDecodeException {
    if (bytes == null || bytes.length == 0) {
      throw new RecordDecodeException(Reason.MALFORMED, "no bytes to decode as " + name);
    }
    if (bytes.length > maxBytes) {
      throw new RecordDecodeException(Reason.TOO_LARGE,
          name + " of " + bytes.length + " bytes is over the limit of " + maxBytes);
    }
    Schema writer = writerSchema(bytes);
    try {
      LengthPrefixCheck.check(writer, bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH);
      return decoder.get().decode(bytes);
    } catch (IOException | RuntimeException e) {
      // Garbage surfaces from Avro as EOFException, AvroRuntimeException, index or negative-size errors, ...
      throw new RecordDecodeException(Reason.MALFORMED, "malformed " + name + ": " + e, e);
    }
  }

  // Reads the header only to name the writer schema before Avro decodes: the fingerprint goes into the error message
  // and the writer schema drives LengthPrefixCheck.
  private Schema writerSchema(byte[] bytes) throws RecordDecodeException {
    if (bytes.length < HEADER_LENGTH || bytes[0] != MAGIC_0 || bytes[1] != MAGIC_1) {
      throw new RecordDecodeException(Reason.MALFORMED,
          "not an Avro single-object encoded " + name + ": " + bytes.length + " bytes without header C3 01");
    }
    long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    Schema writer = history.findByFingerprint(fingerprint);
    if (writer == null) {
      throw new RecordDecodeException(Reason.UNKNOWN_SCHEMA,
          String.format("no known version of %s has schema fingerprint %016x", name, fingerprint));
    }
    return writer;
  }
}
