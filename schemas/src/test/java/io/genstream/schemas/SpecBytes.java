package io.genstream.schemas;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The Avro 1.12 specification's binary encoding and single-object header, written out by hand from the spec text so
 * tests can check the library against it rather than against itself. Not for production use.
 */
final class SpecBytes {

  /** CRC-64-AVRO: the spec's "EMPTY" fingerprint, which also defines the polynomial. */
  static final long EMPTY = 0xc15d213aa4d7a795L;

  private static final long[] FP_TABLE = new long[256];

  static {
    for (int i = 0; i < 256; i++) {
      long fp = i;
      for (int j = 0; j < 8; j++) {
        fp = (fp >>> 1) ^ (EMPTY & -(fp & 1L));
      }
      FP_TABLE[i] = fp;
    }
  }

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** The spec's 64-bit Rabin fingerprint of {@code bytes} (the UTF-8 Parsing Canonical Form of a schema). */
  static long fingerprint64(byte[] bytes) {
    long fp = EMPTY;
    for (byte b : bytes) {
      fp = (fp >>> 8) ^ FP_TABLE[(int) (fp ^ b) & 0xff];
    }
    return fp;
  }

  /** Starts a single-object encoding: {@code C3 01}, then the fingerprint in little-endian order. */
  static SpecBytes singleObject(String parsingCanonicalForm) {
    SpecBytes bytes = new SpecBytes();
    bytes.out.write(0xC3);
    bytes.out.write(0x01);
    long fp = fingerprint64(parsingCanonicalForm.getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 8; i++) {
      bytes.out.write((int) (fp >>> (8 * i)) & 0xff);
    }
    return bytes;
  }

  /** int and long: zig-zag, then base-128 varint, low group first. */
  SpecBytes varLong(long n) {
    long z = (n << 1) ^ (n >> 63);
    while ((z & ~0x7FL) != 0) {
      out.write((int) ((z & 0x7F) | 0x80));
      z >>>= 7;
    }
    out.write((int) z);
    return this;
  }

  SpecBytes varInt(int n) {
    return varLong(n);
  }

  /** Union: the zero-based branch index as an int, then the value of that branch. */
  SpecBytes branch(int index) {
    return varInt(index);
  }

  SpecBytes string(String s) {
    return bytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** bytes: a long length, then the bytes. */
  SpecBytes bytes(byte[] b) {
    varLong(b.length);
    out.writeBytes(b);
    return this;
  }

  /** float: 4 bytes, IEEE 754 bits little-endian. */
  SpecBytes float32(float f) {
    return littleEndian(Float.floatToIntBits(f), 4);
  }

  /** double: 8 bytes, IEEE 754 bits little-endian. */
  SpecBytes float64(double d) {
    return littleEndian(Double.doubleToLongBits(d), 8);
  }

  /** Starts an array or map block of {@code count} items; end the collection with {@link #endBlocks()}. */
  SpecBytes block(long count) {
    return varLong(count);
  }

  SpecBytes endBlocks() {
    return varLong(0);
  }

  /** Bytes copied as they are, e.g. a block body built separately. */
  SpecBytes raw(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  private SpecBytes littleEndian(long bits, int length) {
    for (int i = 0; i < length; i++) {
      out.write((int) (bits >>> (8 * i)) & 0xff);
    }
    return this;
  }
}
