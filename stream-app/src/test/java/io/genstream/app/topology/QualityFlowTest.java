package io.genstream.app.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.genstream.app.TestModels;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.metrics.ModelTags;
import io.genstream.app.quality.DistinctN;
import io.genstream.app.quality.SelfBleu;
import io.genstream.avro.GeneratedContent;
import io.genstream.avro.NoiseSeedEvent;
import io.genstream.avro.PromptEvent;
import io.genstream.avro.QualityReport;
import io.genstream.schemas.AvroCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The production topology with the real image and text models: what it generates is what its windowed quality
 * reports count and average, per model version, on genstream.quality (10 s windows, 2 s grace here).
 */
class QualityFlowTest {

    private static final GenstreamConfig CONFIG = TestModels.config()
            .with(GenstreamConfig.QUALITY_WINDOW_MS, "10000")
            .with(GenstreamConfig.QUALITY_GRACE_MS, "2000");
    private static final long T0 = Instant.parse("2026-11-22T12:00:00Z").toEpochMilli();
    private static ModelCatalog models;

    private SimpleMeterRegistry registry;
    private TopologyTestDriver driver;
    private ProductionDriver app;
    private TestInputTopic<byte[], byte[]> seeds;
    private TestInputTopic<byte[], byte[]> prompts;
    private TestOutputTopic<String, GeneratedContent> content;
    private TestOutputTopic<String, QualityReport> quality;

    @BeforeAll
    static void loadModels() throws Exception {
        models = TestModels.catalog(CONFIG);
    }

    @AfterAll
    static void closeModels() {
        models.close();
    }

    @BeforeEach
    void startDriver() {
        registry = new SimpleMeterRegistry();
        app = ProductionDriver.start("quality-flow-test", CONFIG, models, new GenstreamMetrics(registry),
                Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC));
        driver = app.driver;
        seeds = app.noiseSeeds;
        prompts = app.prompts;
        content = app.content;
        quality = app.quality;
    }

    @AfterEach
    void closeDriver() {
        app.close();
    }

    private void image(String requestId, long seed, int count, long atMs) throws InterruptedException {
        NoiseSeedEvent event = NoiseSeedEvents.valid(requestId).setSeed(seed).setCount(count)
                .setCreatedAt(T0 + atMs).build();
        seeds.pipeInput(key(requestId), AvroCodec.of(NoiseSeedEvent.class).encode(event), T0 + atMs);
        Drain.pending(driver);
    }

    private void text(String requestId, long seed, long atMs) throws InterruptedException {
        PromptEvent event = PromptEvents.valid(requestId).setModel("catalog-lstm").setSeed(seed)
                .setCreatedAt(T0 + atMs).build();
        prompts.pipeInput(key(requestId), AvroCodec.of(PromptEvent.class).encode(event), T0 + atMs);
        Drain.pending(driver);
    }

    private static byte[] key(String requestId) {
        return requestId.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void eachModelVersionsFirstWindowCountsAndAveragesWhatItGenerated() throws InterruptedException {
        image("a", 1, 3, 1_000);
        text("p", 11, 2_000);
        image("b", 2, 2, 4_000);
        text("q", 12, 5_000);
        text("r", 13, 9_000);
        List<GeneratedContent> firstWindow = content.readValuesToList();
        assertThat(quality.isEmpty()).isTrue();

        image("closer", 3, 1, 12_000); // stream time 12 s: windows ending at 10 s close
        Map<String, QualityReport> reports = quality.readKeyValuesToList().stream()
                .collect(Collectors.toMap(r -> r.key, r -> r.value));

        Map<String, List<GeneratedContent>> byModel = firstWindow.stream()
                .collect(Collectors.groupingBy(c -> c.getModelName() + "@" + c.getModelVersion()));
        assertThat(reports).containsOnlyKeys(byModel.keySet());
        List<GeneratedContent> images = byModel.get(modelId(firstWindow, "digits-gan"));
        QualityReport imageReport = reports.get(modelId(firstWindow, "digits-gan"));
        assertThat(imageReport.getCount()).isEqualTo(5);
        assertThat(imageReport.getWindowStart()).isEqualTo(T0);
        assertThat(imageReport.getWindowEnd()).isEqualTo(T0 + 10_000);
        assertThat(imageReport.getMetrics().get("mean.realism"))
                .isCloseTo(mean(images, "realism"), within(1e-12));
        // digits-eval scored every image: its confidence is averaged, and its features give the
        // window's Fréchet distance against the real digits' statistics and its diversity.
        assertThat(imageReport.getMetrics().get("mean.classConfidence"))
                .isCloseTo(mean(images, "classConfidence"), within(1e-12));
        assertThat(imageReport.getMetrics().get("frechetDistance")).isPositive();
        assertThat(imageReport.getMetrics().get("diversity")).isPositive();

        List<GeneratedContent> texts = byModel.get(modelId(firstWindow, "catalog-lstm"));
        QualityReport textReport = reports.get(modelId(firstWindow, "catalog-lstm"));
        List<String> written = texts.stream().map(GeneratedContent::getText).toList();
        assertThat(textReport.getCount()).isEqualTo(3);
        assertThat(textReport.getMetrics().get("grammarValid")).isCloseTo(mean(texts, "grammarValid"), within(1e-12));
        assertThat(textReport.getMetrics().get("mean.meanLogProb"))
                .isCloseTo(mean(texts, "meanLogProb"), within(1e-12));
        assertThat(textReport.getMetrics().get("distinct2")).isCloseTo(DistinctN.ofTexts(written, 2), within(1e-12));
        assertThat(textReport.getMetrics().get("selfBleu"))
                .isCloseTo(SelfBleu.of(written, 64, T0).orElseThrow(), within(1e-12));
        assertThat(registry.get(GenstreamMetrics.QUALITY).tags(ModelTags.of(modelId(firstWindow, "catalog-lstm")))
                .tag("metric", "count").gauge().value()).isEqualTo(3.0);
    }

    private static String modelId(List<GeneratedContent> contents, String name) {
        GeneratedContent first = contents.stream().filter(c -> c.getModelName().equals(name)).findFirst().orElseThrow();
        return first.getModelName() + "@" + first.getModelVersion();
    }

    private static double mean(List<GeneratedContent> contents, String score) {
        return contents.stream().mapToDouble(c -> c.getScores().get(score)).average().orElseThrow();
    }
}
