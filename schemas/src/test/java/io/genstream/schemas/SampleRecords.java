package io.genstream.schemas;

import io.genstream.avro.ContentKind;
import io.genstream.avro.GeneratedContent;
import io.genstream.avro.Image;
import io.genstream.avro.ModelRoute;
import io.genstream.avro.NoiseSeedEvent;
import io.genstream.avro.PromptEvent;
import io.genstream.avro.QualityReport;
import io.genstream.avro.RejectedEvent;
import io.genstream.avro.RouteEntry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** One fully populated instance of every top-level record, with non-ASCII text and negative numbers. */
final class SampleRecords {

  private SampleRecords() {}

  static NoiseSeedEvent noiseSeed() {
    return NoiseSeedEvent.newBuilder()
        .setRequestId("req-1")
        .setModel("digits-gan")
        .setSeed(-42L)
        .setCount(3)
        .setLabel(7)
        .setInterpolateTo(1_000_000_007L)
        .setSteps(5)
        .setCreatedAt(1_700_000_000_123L)
        .build();
  }

  static PromptEvent prompt() {
    Map<String, String> context = new LinkedHashMap<>(); // insertion order = wire order
    context.put("user", "Zoë");
    context.put("item", "café ☕");
    return PromptEvent.newBuilder()
        .setRequestId("req-2")
        .setModel("catalog-gpt")
        .setPrompt("Because you liked")
        .setMaxTokens(64)
        .setTemperature(0.75f)
        .setTopK(40)
        .setTopP(0.9f)
        .setSeed(123456789L)
        .setReference("Because you liked tea, try this mug.")
        .setContext(context)
        .setStop(List.of(".", "!"))
        .setCreatedAt(1_700_000_000_456L)
        .build();
  }

  static GeneratedContent imageContent() {
    return GeneratedContent.newBuilder()
        .setRequestId("req-1")
        .setIndex(2)
        .setModel("digits-gan")
        .setModelName("digits-gan")
        .setModelVersion("3")
        .setKind(ContentKind.IMAGE)
        .setText(null)
        .setImage(Image.newBuilder()
            .setFormat("png")
            .setWidth(28)
            .setHeight(28)
            .setData(ByteBuffer.wrap(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, -1}))
            .build())
        .setSeed(-40L)
        .setLabel(7)
        .setScores(Map.of("realism", 0.8125))
        .setBatchSize(32)
        .setQueueMs(1.5)
        .setInferenceMs(0.25)
        .setCreatedAt(1_700_000_000_123L)
        .setEmittedAt(1_700_000_000_999L)
        .build();
  }

  static GeneratedContent textContent() {
    return GeneratedContent.newBuilder(imageContent())
        .setRequestId("req-2")
        .setIndex(0)
        .setModel("catalog")
        .setModelName("catalog-gpt")
        .setKind(ContentKind.TEXT)
        .setText("Because you liked tea, try this mug.")
        .setImage(null)
        .setLabel(null)
        .setScores(Map.of("meanLogProb", -1.25, "grammarValid", 1.0))
        .build();
  }

  static QualityReport qualityReport() {
    return QualityReport.newBuilder()
        .setModelName("digits-gan")
        .setModelVersion("3")
        .setWindowStart(1_700_000_000_000L)
        .setWindowEnd(1_700_000_060_000L)
        .setCount(1024L)
        .setMetrics(Map.of("realism", 0.75, "frechetDistance", 12.5))
        .build();
  }

  static RejectedEvent rejected() {
    return RejectedEvent.newBuilder()
        .setSourceTopic("genstream.noise-seeds")
        .setPartition(3)
        .setOffset(987_654_321L)
        .setKey(ByteBuffer.wrap("req-9".getBytes(StandardCharsets.UTF_8)))
        .setValue(ByteBuffer.wrap(new byte[] {1, 2, 3}))
        .setReason("MALFORMED")
        .setMessage("not an Avro single-object encoded NoiseSeedEvent")
        .setRejectedAt(1_700_000_001_000L)
        .build();
  }

  static ModelRoute modelRoute() {
    return ModelRoute.newBuilder()
        .setAlias("digits")
        .setRoutes(List.of(
            RouteEntry.newBuilder().setVersion("3").setWeight(0.9).build(),
            RouteEntry.newBuilder().setVersion("4").setWeight(0.1).build()))
        .setMinRealism(0.5)
        .setMaxFrechetDistance(null)
        .setMinGrammarValidRate(null)
        .setUpdatedAt(1_700_000_002_000L)
        .build();
  }

  static List<SpecificRecord> all() {
    return List.of(noiseSeed(), prompt(), imageContent(), textContent(), qualityReport(), rejected(), modelRoute());
  }
}
