package io.genstream.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genstream.avro.NoiseSeedEvent;
import io.genstream.schemas.RecordDecodeException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records written with an older published schema (test resource {@code history/NoiseSeedEvent/v0.avsc}, before
 * label, interpolateTo and steps) are read as the current record with defaults; unregistered versions are not.
 */
class SchemaEvolutionTest {

  private static final String V0 = "/io/genstream/avro/history/NoiseSeedEvent/v0.avsc";

  @Test
  void olderVersionOnTheClasspathDecodesWithDefaultsForNewFields() throws Exception {
    byte[] bytes = writeV0("req-old", "digits-vae", 99L, 4, 1_600_000_000_000L);

    NoiseSeedEvent event = AvroCodec.of(NoiseSeedEvent.class).decode(bytes);

    assertThat(event.getRequestId()).isEqualTo("req-old");
    assertThat(event.getModel()).isEqualTo("digits-vae");
    assertThat(event.getSeed()).isEqualTo(99L);
    assertThat(event.getCount()).isEqualTo(4);
    assertThat(event.getCreatedAt()).isEqualTo(1_600_000_000_000L);
    assertThat(event.getLabel()).isNull();
    assertThat(event.getInterpolateTo()).isNull();
    assertThat(event.getSteps()).isZero();
  }

  @Test
  void olderVersionNotInTheHistoryIsUnknownSchemaNamingItsFingerprint() throws Exception {
    byte[] bytes = writeV0("req-old", "digits-vae", 99L, 4, 1_600_000_000_000L);
    SchemaHistory currentOnly = SchemaHistory.of(NoiseSeedEvent.getClassSchema(), List.of());
    AvroCodec<NoiseSeedEvent> codec = AvroCodec.of(NoiseSeedEvent.class, currentOnly, AvroCodec.DEFAULT_MAX_BYTES);

    assertThatThrownBy(() -> codec.decode(bytes))
        .isInstanceOfSatisfying(RecordDecodeException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SCHEMA))
        .hasMessageContaining(String.format("%016x", SchemaNormalization.parsingFingerprint64(v0())));
  }

  @Test
  void historyOnTheClasspathHoldsTheCurrentVersionFirstThenTheOlderOnes() {
    SchemaHistory history = SchemaHistory.load(NoiseSeedEvent.getClassSchema(), getClass().getClassLoader());

    assertThat(history.all()).containsExactly(NoiseSeedEvent.getClassSchema(), v0());
  }

  @Test
  void historyIsAlsoReadFromJars(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("history.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String folder : List.of("io/", "io/genstream/", "io/genstream/avro/", "io/genstream/avro/history/",
          "io/genstream/avro/history/NoiseSeedEvent/")) {
        out.putNextEntry(new JarEntry(folder)); // folder entries, as Maven writes them
      }
      out.putNextEntry(new JarEntry("io/genstream/avro/history/NoiseSeedEvent/v0.avsc"));
      copyV0(out);
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertThat(SchemaHistory.load(NoiseSeedEvent.getClassSchema(), loader).all())
          .containsExactly(NoiseSeedEvent.getClassSchema(), v0());
    }
  }

  @Test
  void olderVersionTheCurrentCannotReadIsRefusedAtLoad() {
    Schema withoutCreatedAt = new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"NoiseSeedEvent\",\"namespace\":\"io.genstream.avro\",\"fields\":["
            + "{\"name\":\"requestId\",\"type\":\"string\"},{\"name\":\"model\",\"type\":\"string\"},"
            + "{\"name\":\"seed\",\"type\":\"long\"}]}");

    assertThatThrownBy(() -> SchemaHistory.of(NoiseSeedEvent.getClassSchema(), List.of(withoutCreatedAt)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("createdAt");
  }

  @Test
  void schemaOfAnotherRecordIsRefusedInAHistory() {
    assertThatThrownBy(() -> SchemaHistory.of(NoiseSeedEvent.getClassSchema(),
        List.of(io.genstream.avro.PromptEvent.getClassSchema())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PromptEvent");
  }

  @Test
  void promptEventWrittenBeforeStopStringsDecodesWithNoStopStrings() throws Exception {
    Schema v1;
    try (InputStream in = getClass().getResourceAsStream("/io/genstream/avro/history/PromptEvent/v1.avsc")) {
      v1 = new Schema.Parser().parse(in);
    }
    assertThat(v1.getField("stop")).isNull();
    GenericRecord old = new GenericData.Record(v1);
    old.put("requestId", "p-old");
    old.put("model", "catalog-gpt");
    old.put("prompt", "a trail shoe");
    old.put("maxTokens", 40);
    old.put("temperature", 0.8f);
    old.put("context", java.util.Map.of("segment", "runners"));
    old.put("createdAt", 1_700_000_000_000L);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old, out);

    io.genstream.avro.PromptEvent event = AvroCodec.of(io.genstream.avro.PromptEvent.class).decode(out.toByteArray());

    assertThat(event.getPrompt()).isEqualTo("a trail shoe");
    assertThat(event.getContext()).containsEntry("segment", "runners");
    assertThat(event.getStop()).isNull();
  }

  private static byte[] writeV0(String requestId, String model, long seed, int count, long createdAt)
      throws IOException {
    GenericRecord old = new GenericData.Record(v0());
    old.put("requestId", requestId);
    old.put("model", model);
    old.put("seed", seed);
    old.put("count", count);
    old.put("createdAt", createdAt);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v0()).encode(old, out);
    return out.toByteArray();
  }

  private static Schema v0() {
    try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream(V0)) {
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void copyV0(OutputStream out) throws IOException {
    try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream(V0)) {
      in.transferTo(out);
    }
  }
}
