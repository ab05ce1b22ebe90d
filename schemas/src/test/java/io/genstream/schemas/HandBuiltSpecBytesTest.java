package io.genstream.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.avro.GeneratedContent;
import io.genstream.avro.NoiseSeedEvent;
import io.genstream.avro.PromptEvent;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

/**
 * The codec's bytes are the Avro specification's single-object encoding: bytes built by hand from the spec (see
 * {@link SpecBytes}) decode to the expected record, and the codec encodes that record to exactly those bytes. Only the
 * Parsing Canonical Form string comes from the library, as the spec's schema transformation.
 */
class HandBuiltSpecBytesTest {

  @Test
  void handWrittenFingerprintMatchesTheAvroProjectsTestVectors() {
    // From apache/avro share/test/data/schema-tests.txt, the cross-language fingerprint vectors.
    assertThat(SpecBytes.fingerprint64(utf8("\"null\""))).isEqualTo(7195948357588979594L);
    assertThat(SpecBytes.fingerprint64(utf8("\"int\""))).isEqualTo(8247732601305521295L);
    assertThat(SpecBytes.fingerprint64(utf8("{\"name\":\"foo\",\"type\":\"record\",\"fields\":[]}")))
        .isEqualTo(-4824392279771201922L);
  }

  @Test
  void noiseSeedEventMatchesHandBuiltBytes() throws Exception {
    byte[] spec = SpecBytes.singleObject(canonical(NoiseSeedEvent.getClassSchema()))
        .string("req-1")            // requestId
        .string("digits-gan")       // model
        .varLong(-42L)              // seed
        .varInt(3)                  // count
        .branch(1).varInt(7)        // label: ["null","int"] -> int
        .branch(1).varLong(1_000_000_007L) // interpolateTo: ["null","long"] -> long
        .varInt(5)                  // steps
        .varLong(1_700_000_000_123L) // createdAt
        .toByteArray();

    assertCodecAgrees(AvroCodec.of(NoiseSeedEvent.class), spec, SampleRecords.noiseSeed());
  }

  @Test
  void noiseSeedEventWithNullUnionsMatchesHandBuiltBytes() throws Exception {
    NoiseSeedEvent expected = NoiseSeedEvent.newBuilder(SampleRecords.noiseSeed())
        .setLabel(null).setInterpolateTo(null).setSteps(0).setCount(1).build();
    byte[] spec = SpecBytes.singleObject(canonical(NoiseSeedEvent.getClassSchema()))
        .string("req-1").string("digits-gan").varLong(-42L).varInt(1)
        .branch(0)                  // label: null, no bytes
        .branch(0)                  // interpolateTo: null
        .varInt(0).varLong(1_700_000_000_123L)
        .toByteArray();

    assertCodecAgrees(AvroCodec.of(NoiseSeedEvent.class), spec, expected);
  }

  @Test
  void promptEventMatchesHandBuiltBytes() throws Exception {
    byte[] spec = promptPrefix()
        .block(2)                   // context: one block of two entries, in insertion order
        .string("user").string("Zoë")
        .string("item").string("café ☕")
        .endBlocks()
        .branch(1).block(2).string(".").string("!").endBlocks() // stop: an array of two strings
        .varLong(1_700_000_000_456L) // createdAt
        .toByteArray();

    assertCodecAgrees(AvroCodec.of(PromptEvent.class), spec, SampleRecords.prompt());
  }

  @Test
  void mapBlockThatCarriesItsByteSizeDecodes() throws Exception {
    // The spec lets a writer give a block a negative count followed by the block's size in bytes.
    byte[] entries = new SpecBytes().string("user").string("Zoë").string("item").string("café ☕").toByteArray();
    byte[] spec = promptPrefix()
        .block(-2).varLong(entries.length).raw(entries)
        .endBlocks()
        .branch(1).block(2).string(".").string("!").endBlocks() // stop
        .varLong(1_700_000_000_456L)
        .toByteArray();

    assertThat(AvroCodec.of(PromptEvent.class).decode(spec)).isEqualTo(SampleRecords.prompt());
  }

  @Test
  void generatedContentMatchesHandBuiltBytes() throws Exception {
    byte[] spec = SpecBytes.singleObject(canonical(GeneratedContent.getClassSchema()))
        .string("req-1")            // requestId
        .varInt(2)                  // index
        .string("digits-gan")       // model
        .string("digits-gan")       // modelName
        .string("3")                // modelVersion
        .varInt(0)                  // kind: enum index of IMAGE
        .branch(0)                  // text: null
        .branch(1)                  // image: Image record, fields in order
        .string("png").varInt(28).varInt(28).bytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, -1})
        .varLong(-40L)              // seed
        .branch(1).varInt(7)        // label
        .block(1).string("realism").float64(0.8125).endBlocks() // scores
        .varInt(32)                 // batchSize
        .float64(1.5)               // queueMs
        .float64(0.25)              // inferenceMs
        .varLong(1_700_000_000_123L) // createdAt
        .varLong(1_700_000_000_999L) // emittedAt
        .toByteArray();

    assertCodecAgrees(AvroCodec.of(GeneratedContent.class), spec, SampleRecords.imageContent());
  }

  private static SpecBytes promptPrefix() {
    return SpecBytes.singleObject(canonical(PromptEvent.getClassSchema()))
        .string("req-2")            // requestId
        .string("catalog-gpt")      // model
        .string("Because you liked") // prompt
        .varInt(64)                 // maxTokens
        .float32(0.75f)             // temperature
        .branch(1).varInt(40)       // topK
        .branch(1).float32(0.9f)    // topP
        .branch(1).varLong(123456789L) // seed
        .branch(1).string("Because you liked tea, try this mug."); // reference
  }

  private static <T extends org.apache.avro.specific.SpecificRecord> void assertCodecAgrees(
      AvroCodec<T> codec, byte[] spec, T expected) throws RecordDecodeException {
    assertThat(codec.decode(spec)).isEqualTo(expected);
    assertThat(codec.encode(expected)).isEqualTo(spec);
  }

  private static String canonical(Schema schema) {
    return SchemaNormalization.toParsingForm(schema);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
