package io.genstream.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.genstream.avro.GeneratedContent;
import io.genstream.avro.ModelRoute;
import io.genstream.avro.NoiseSeedEvent;
import io.genstream.avro.PromptEvent;
import io.genstream.schemas.RecordDecodeException.Reason;
import java.util.Arrays;
import java.util.Random;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Whatever bytes arrive, decode either returns a record or throws {@link RecordDecodeException} with the right
 * reason: no unchecked exception, no error, no allocation sized by garbage.
 */
class MalformedInputTest {

  private final AvroCodec<NoiseSeedEvent> codec = AvroCodec.of(NoiseSeedEvent.class);

  @Test
  void nullAndEmptyAreMalformed() {
    assertReason(codec, null, Reason.MALFORMED);
    assertReason(codec, new byte[0], Reason.MALFORMED);
  }

  @Test
  void wrongMagicIsMalformed() {
    byte[] bytes = codec.encode(SampleRecords.noiseSeed());
    bytes[1] = 0x02;
    assertReason(codec, bytes, Reason.MALFORMED);
    assertReason(codec, "{\"requestId\":\"r\"}".getBytes(), Reason.MALFORMED);
  }

  @Test
  void everyTruncationIsMalformed() {
    byte[] bytes = codec.encode(SampleRecords.noiseSeed());
    for (int length = 1; length < bytes.length; length++) {
      assertReason(codec, Arrays.copyOf(bytes, length), Reason.MALFORMED);
    }
  }

  @Test
  void trailingBytesAreMalformed() {
    byte[] bytes = codec.encode(SampleRecords.noiseSeed());
    assertReason(codec, Arrays.copyOf(bytes, bytes.length + 1), Reason.MALFORMED);
  }

  @Test
  void unknownFingerprintIsUnknownSchemaWithItsHex() {
    byte[] bytes = codec.encode(SampleRecords.noiseSeed());
    bytes[9] ^= 0x40; // most significant byte of the little-endian fingerprint
    long fingerprint = SchemaNormalization.parsingFingerprint64(NoiseSeedEvent.getClassSchema()) ^ (0x40L << 56);

    assertThatThrownBy(() -> codec.decode(bytes))
        .isInstanceOfSatisfying(RecordDecodeException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SCHEMA))
        .hasMessageContaining(String.format("%016x", fingerprint));
  }

  @Test
  void inputOverTheLimitIsTooLarge() {
    byte[] bytes = codec.encode(SampleRecords.noiseSeed());
    AvroCodec<NoiseSeedEvent> small = AvroCodec.of(NoiseSeedEvent.class, bytes.length - 1);

    assertReason(small, bytes, Reason.TOO_LARGE);
    assertReason(codec, new byte[AvroCodec.DEFAULT_MAX_BYTES + 1], Reason.TOO_LARGE);
  }

  @Test
  void hugeLengthPrefixesAreMalformedWithoutHugeAllocations() {
    // A string claiming Integer.MAX_VALUE - 8 bytes: Avro alone would allocate 2 GiB before failing.
    byte[] hugeString = SpecBytes.singleObject(canonical(NoiseSeedEvent.class))
        .varLong(Integer.MAX_VALUE - 8).toByteArray();
    assertReason(codec, hugeString, Reason.MALFORMED);

    // A map block claiming 2^30 entries in 1 byte (negative count + byte size): a 2^30-slot table otherwise.
    byte[] hugeMap = SpecBytes.singleObject(canonical(PromptEvent.class))
        .string("r").string("m").string("p").varInt(1).float32(1f)
        .branch(0).branch(0).branch(0).branch(0)
        .block(-(1L << 30)).varLong(1).toByteArray();
    assertReason(AvroCodec.of(PromptEvent.class), hugeMap, Reason.MALFORMED);

    // An array of 2^30 route entries.
    byte[] hugeArray = SpecBytes.singleObject(canonical(ModelRoute.class))
        .string("a").block(1L << 30).string("v").float64(1).toByteArray();
    assertReason(AvroCodec.of(ModelRoute.class), hugeArray, Reason.MALFORMED);

    // Negative lengths.
    byte[] negative = SpecBytes.singleObject(canonical(NoiseSeedEvent.class)).varLong(-5).toByteArray();
    assertReason(codec, negative, Reason.MALFORMED);
  }

  @Test
  void outOfRangeUnionBranchAndEnumSymbolAreMalformed() {
    byte[] badBranch = SpecBytes.singleObject(canonical(NoiseSeedEvent.class))
        .string("r").string("m").varLong(1).varInt(1).branch(2).toByteArray();
    assertReason(codec, badBranch, Reason.MALFORMED);

    byte[] badSymbol = SpecBytes.singleObject(canonical(GeneratedContent.class))
        .string("r").varInt(0).string("m").string("n").string("v").varInt(5) // kind has 2 symbols
        .branch(0).branch(0).varLong(1).branch(0).block(0).varInt(1).float64(0).float64(0).varLong(0).varLong(0)
        .toByteArray();
    assertReason(AvroCodec.of(GeneratedContent.class), badSymbol, Reason.MALFORMED);
  }

  @Test
  void randomBytesNeverEscapeAsUncheckedExceptions() {
    Random random = new Random(20240611L);
    byte[] header = Arrays.copyOf(codec.encode(SampleRecords.noiseSeed()), 10);
    for (int i = 0; i < 5_000; i++) {
      byte[] bytes = new byte[random.nextInt(64)];
      random.nextBytes(bytes);
      if (i % 2 == 0 && bytes.length >= 10) {
        System.arraycopy(header, 0, bytes, 0, 10); // valid header, random body: exercises the body decoder
      }
      decodeOrReject(codec, bytes);
    }
  }

  @Test
  void corruptedEncodingsOfEveryRecordNeverEscapeAsUncheckedExceptions() {
    Random random = new Random(7L);
    for (SpecificRecord record : SampleRecords.all()) {
      AvroCodec<SpecificRecord> recordCodec = codecFor(record);
      byte[] valid = recordCodec.encode(record);
      for (int i = 0; i < 500; i++) {
        byte[] bytes = Arrays.copyOf(valid, 10 + random.nextInt(valid.length - 9));
        int flips = 1 + random.nextInt(3);
        for (int f = 0; f < flips; f++) {
          int at = 10 + random.nextInt(bytes.length - 10 + 1) - 1;
          if (at >= 10) {
            bytes[at] = (byte) random.nextInt(256);
          }
        }
        decodeOrReject(recordCodec, bytes);
      }
    }
  }

  private static <T extends SpecificRecord> void decodeOrReject(AvroCodec<T> codec, byte[] bytes) {
    try {
      codec.decode(bytes);
    } catch (RecordDecodeException e) {
      assertThat(e.reason()).isIn(Reason.MALFORMED, Reason.UNKNOWN_SCHEMA);
    } catch (Throwable t) {
      fail("unchecked " + t + " for bytes " + Arrays.toString(bytes), t);
    }
  }

  private static void assertReason(AvroCodec<?> codec, byte[] bytes, Reason reason) {
    assertThatThrownBy(() -> codec.decode(bytes))
        .as("decode of %s", bytes == null ? "null" : Arrays.toString(Arrays.copyOf(bytes, Math.min(bytes.length, 32))))
        .isInstanceOfSatisfying(RecordDecodeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static String canonical(Class<? extends SpecificRecord> type) {
    return SchemaNormalization.toParsingForm(org.apache.avro.specific.SpecificData.get().getSchema(type));
  }

  @SuppressWarnings("unchecked")
  private static AvroCodec<SpecificRecord> codecFor(SpecificRecord record) {
    return AvroCodec.of((Class<SpecificRecord>) record.getClass());
  }
}
