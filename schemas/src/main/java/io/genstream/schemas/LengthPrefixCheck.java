package io.genstream.schemas;

import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Walks an Avro binary body with its writer schema, reading nothing into objects, before the real decode.
 *
 * <p>Why: Avro allocates a string, bytes or collection from its length prefix before reading the content, so ten bytes
 * of garbage claiming a 2 GiB string would cost a 2 GiB allocation (or an {@code OutOfMemoryError}). Here lengths are
 * skipped over a byte array, which ends in {@code EOFException} at the first length longer than the input, and
 * collection sizes are capped by the input length; the real decode then reads the same prefixes and can only allocate
 * what the input holds. It also rejects trailing bytes, which Avro's decoder would silently ignore.
 */
final class LengthPrefixCheck {

  private LengthPrefixCheck() {}

  /** Throws when the {@code length} bytes at {@code offset} are not exactly one datum of {@code writer}. */
  static void check(Schema writer, byte[] bytes, int offset, int length) throws IOException {
    BinaryDecoder in = DecoderFactory.get().binaryDecoder(bytes, offset, length, null);
    walk(writer, in, length);
    if (!in.isEnd()) {
      throw new IOException("trailing bytes after the " + writer.getName() + " body");
    }
  }

  private static void walk(Schema schema, BinaryDecoder in, int maxItems) throws IOException {
    switch (schema.getType()) {
      case RECORD -> {
        for (Schema.Field field : schema.getFields()) {
          walk(field.schema(), in, maxItems);
        }
      }
      case ARRAY -> {
        long items = 0;
        for (long n = in.readArrayStart(); n > 0; n = in.arrayNext()) {
          items = countItems(items, n, maxItems);
          for (long i = 0; i < n; i++) {
            walk(schema.getElementType(), in, maxItems);
          }
        }
      }
      case MAP -> {
        long items = 0;
        for (long n = in.readMapStart(); n > 0; n = in.mapNext()) {
          items = countItems(items, n, maxItems);
          for (long i = 0; i < n; i++) {
            in.skipString();
            walk(schema.getValueType(), in, maxItems);
          }
        }
      }
      case UNION -> {
        int branch = in.readIndex();
        if (branch < 0 || branch >= schema.getTypes().size()) {
          throw new IOException("union branch " + branch + " out of range");
        }
        walk(schema.getTypes().get(branch), in, maxItems);
      }
      // A negative length is skipped as zero here; the real decode rejects it before allocating anything.
      case STRING -> in.skipString();
      case BYTES -> in.skipBytes();
      case FIXED -> in.skipFixed(schema.getFixedSize());
      case ENUM -> in.readEnum();
      case INT -> in.readInt();
      case LONG -> in.readLong();
      case FLOAT -> in.readFloat();
      case DOUBLE -> in.readDouble();
      case BOOLEAN -> in.readBoolean();
      case NULL -> in.readNull();
      default -> throw new IOException("unsupported schema type " + schema.getType());
    }
  }

  // Items of non-empty types need at least one byte each; the cap also stops a huge count of nulls spinning.
  private static long countItems(long sofar, long more, int maxItems) throws IOException {
    long total = sofar + more;
    if (total > maxItems) {
      throw new IOException("collection of " + total + " items in " + maxItems + " bytes");
    }
    return total;
  }
}
