package io.genstream.app.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.metrics.ModelTags;
import io.genstream.app.quality.DistinctN;
import io.genstream.models.stats.GaussianStats;
import io.genstream.app.quality.QualityObservation;
import io.genstream.app.quality.SelfBleu;
import io.genstream.avro.ContentKind;
import io.genstream.avro.GeneratedContent;
import io.genstream.avro.Image;
import io.genstream.avro.QualityReport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The windowed quality flow fed observations directly, its windows closed by advancing event time. */
class QualityTopologyTest {

    private static final double EXACT = 1e-12;
    /** A minute boundary, so the 60 s windows start here. */
    private static final long T0 = Instant.parse("2026-11-22T12:00:00Z").toEpochMilli();
    private static final String LSTM = "catalog-lstm@1";
    private static final String GAN = "digits-gan@1";
    private static final String VAE = "digits-vae@1";
    /** Reference statistics of the made-up 2-d feature space: N((3, 4), I). */
    private static final GaussianStats REFERENCE =
            GaussianStats.fromMoments(1000, new double[] {3, 4}, new double[][] {{1, 0}, {0, 1}});

    private SimpleMeterRegistry registry;
    private TopologyTestDriver driver;
    private TestInputTopic<String, QualityObservation> observations;
    private TestOutputTopic<String, QualityReport> reports;

    @BeforeEach
    void startDriver() {
        registry = new SimpleMeterRegistry();
        Topics topics = Topics.withPrefix("genstream.");
        StreamsBuilder builder = new StreamsBuilder();
        QualityTopology.build(builder, topics,
                builder.stream("observations", Consumed.with(Serdes.String(), QualitySerdes.observation())),
                new QualityTopology.Settings(Duration.ofSeconds(60), Duration.ofSeconds(10), 4, 8),
                modelId -> modelId.equals(GAN) ? Optional.of(REFERENCE) : Optional.empty(),
                new GenstreamMetrics(registry));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "quality-topology-test");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(builder.build(), props);
        observations = driver.createInputTopic("observations", new StringSerializer(),
                QualitySerdes.observation().serializer());
        reports = driver.createOutputTopic(topics.quality().name(), new StringDeserializer(),
                topics.quality().valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    /** A text item at {@code T0 + atMs}, with its grammar score and log-probability. */
    private void text(long atMs, String text, boolean grammatical, double meanLogProb) {
        QualityObservation item = new QualityObservation("catalog-lstm", "1", ContentKind.TEXT, T0 + atMs,
                Map.of("grammarValid", grammatical ? 1.0 : 0.0, "meanLogProb", meanLogProb), text, null);
        observations.pipeInput(item.modelId(), item, T0 + atMs);
    }

    private void image(String model, long atMs, double realism, float... features) {
        QualityObservation item = new QualityObservation(model, "1", ContentKind.IMAGE, T0 + atMs,
                Map.of("realism", realism), null, features.length == 0 ? null : features);
        observations.pipeInput(item.modelId(), item, T0 + atMs);
    }

    private double gauge(String model, String metric) {
        return registry.get(GenstreamMetrics.QUALITY).tags(ModelTags.of(model)).tag("metric", metric).gauge().value();
    }

    @Test
    void eachWindowIsReportedOnceWhenItClosesWithLateItemsWithinGraceCountedAndBeyondGraceDropped() {
        text(1_000, "a light trail shoe for runners", true, -1.0);
        text(30_000, "a light trail shoe for runners who run", false, -2.0);
        text(61_000, "a warm coat for walkers", true, -0.5); // second window; stream time 61 s
        text(59_000, "cushioned and light, a shoe for runners", true, -3.0); // late, within grace: window 1
        assertThat(reports.isEmpty()).as("window 1 is still open until 70 s").isTrue();

        text(70_000, "a warm coat for hikers", false, -1.5); // stream time 70 s: window 1 closes
        List<TestRecord<String, QualityReport>> first = reports.readRecordsToList();
        text(50_000, "too late for the first window", true, -9.0); // beyond grace: dropped
        text(200_000, "a later window closes the second", true, -1.0);
        List<TestRecord<String, QualityReport>> second = reports.readRecordsToList();

        assertThat(first).hasSize(1);
        assertThat(first.get(0).key()).isEqualTo(LSTM);
        QualityReport window1 = first.get(0).value();
        assertThat(window1.getModelName()).isEqualTo("catalog-lstm");
        assertThat(window1.getModelVersion()).isEqualTo("1");
        assertThat(window1.getWindowStart()).isEqualTo(T0);
        assertThat(window1.getWindowEnd()).isEqualTo(T0 + 60_000);
        assertThat(window1.getCount()).isEqualTo(3);
        assertThat(window1.getMetrics().get("mean.meanLogProb")).isCloseTo(-2.0, within(EXACT));
        assertThat(window1.getMetrics().get("grammarValid")).isCloseTo(2.0 / 3, within(EXACT));
        List<String> texts1 = List.of("a light trail shoe for runners", "a light trail shoe for runners who run",
                "cushioned and light, a shoe for runners");
        assertThat(window1.getMetrics().get("distinct2")).isCloseTo(DistinctN.ofTexts(texts1, 2), within(EXACT));
        assertThat(window1.getMetrics().get("selfBleu"))
                .isCloseTo(SelfBleu.of(texts1, 64, T0).orElseThrow(), within(EXACT));

        assertThat(second).hasSize(1);
        QualityReport window2 = second.get(0).value();
        assertThat(window2.getWindowStart()).isEqualTo(T0 + 60_000);
        assertThat(window2.getCount()).as("the item beyond grace went nowhere").isEqualTo(2);
        assertThat(window2.getMetrics().get("mean.meanLogProb")).isCloseTo(-1.0, within(EXACT));
        assertThat(window2.getMetrics().get("grammarValid")).isCloseTo(0.5, within(EXACT));
        assertThat(gauge(LSTM, "grammarValid")).isCloseTo(0.5, within(EXACT));
        assertThat(gauge(LSTM, "count")).isEqualTo(2.0);
    }

    private int sampleEntries() {
        KeyValueStore<String, byte[]> samples = driver.getKeyValueStore(QualityTopology.SAMPLES);
        int entries = 0;
        try (KeyValueIterator<String, byte[]> all = samples.all()) {
            while (all.hasNext()) {
                all.next();
                entries++;
            }
        }
        return entries;
    }

    @Test
    void imagesWithFeaturesGiveTheirFrechetDistanceAgainstTheReferenceAndTheirDiversity() {
        image("digits-gan", 1_000, 0.5, 1, 1);
        image("digits-vae", 2_000, 0.9, 5, 5); // another model version: its own window, no reference
        image("digits-gan", 2_000, 0.25, 1, -1);
        image("digits-gan", 3_000, 0.75, -1, 1);
        image("digits-vae", 3_000, 0.7, 6, 7);
        image("digits-gan", 4_000, 1.0, -1, -1);
        image("digits-gan", 5_000, 0.5, 100, 100); // counted, but beyond the sample of 4
        // The samples live in their own store: 4 + 2 vectors and a header per window; the fifth is not written.
        assertThat(sampleEntries()).isEqualTo(4 + 1 + 2 + 1);
        image("digits-gan", 90_000, 0.5); // closes the first window for both
        Map<String, QualityReport> closed = byKey(reports.readKeyValuesToList());
        assertThat(sampleEntries()).as("samples of reported windows are deleted").isZero();

        assertThat(closed).containsOnlyKeys(GAN, VAE);
        QualityReport gan = closed.get(GAN);
        assertThat(gan.getCount()).isEqualTo(5);
        assertThat(gan.getMetrics().get("mean.realism")).isCloseTo((0.5 + 0.25 + 0.75 + 1.0 + 0.5) / 5, within(EXACT));
        // (+-1, +-1): mean 0, unbiased covariance (4/3) I; against N((3, 4), I):
        // 25 + 2 (4/3 + 1 - 2 sqrt(4/3)). Pairs: four sides of 2, two diagonals of 2 sqrt 2.
        assertThat(gan.getMetrics().get("frechetDistance"))
                .isCloseTo(25 + 2 * (4.0 / 3 + 1 - 2 * Math.sqrt(4.0 / 3)), within(1e-9));
        assertThat(gan.getMetrics().get("diversity")).isCloseTo((8 + 4 * Math.sqrt(2)) / 6, within(1e-9));
        QualityReport vae = closed.get(VAE);
        assertThat(vae.getCount()).isEqualTo(2);
        assertThat(vae.getMetrics()).doesNotContainKey("frechetDistance");
        assertThat(vae.getMetrics().get("diversity")).isCloseTo(Math.sqrt(1 + 4), within(1e-9));

        assertThat(gauge(GAN, "frechetDistance")).isCloseTo(gan.getMetrics().get("frechetDistance"), within(EXACT));
        assertThat(gauge(GAN, "mean.realism")).isCloseTo(0.6, within(EXACT));
        assertThat(gauge(VAE, "count")).isEqualTo(2.0);

        image("digits-gan", 200_000, 0.5); // closes the second window: one item, no features
        assertThat(reports.readValuesToList()).extracting(QualityReport::getCount).containsExactly(1L);
        assertThat(gauge(GAN, "count")).isEqualTo(1.0);
        assertThat(gauge(GAN, "frechetDistance")).as("not stale: the newest window has none").isNaN();
    }

    @Test
    void imagesLeavingGenerationWithFeaturesBringThemIntoTheirWindow() {
        float[][] corners = {{1, 1}, {1, -1}, {-1, 1}, {-1, -1}};
        for (int i = 0; i < corners.length; i++) {
            GeneratedItem item = GeneratedItem.withFeatures(imageContent(i, 1_000 + i), corners[i]);
            KeyValue<String, QualityObservation> observed = QualityTopology.observe(item);
            assertThat(observed.key).isEqualTo(GAN);
            assertThat(observed.value.createdAt()).isEqualTo(T0 + 1_000 + i);
            observations.pipeInput(observed.key, observed.value, observed.value.createdAt());
        }
        KeyValue<String, QualityObservation> closer = QualityTopology.observe(GeneratedItem.of(imageContent(9, 80_000)));
        assertThat(closer.value.features()).isNull();
        observations.pipeInput(closer.key, closer.value, closer.value.createdAt());

        QualityReport report = reports.readValue();
        assertThat(report.getCount()).isEqualTo(4);
        assertThat(report.getMetrics().get("mean.realism")).isCloseTo(0.5, within(EXACT));
        assertThat(report.getMetrics().get("frechetDistance"))
                .isCloseTo(25 + 2 * (4.0 / 3 + 1 - 2 * Math.sqrt(4.0 / 3)), within(1e-9));
    }

    private static GeneratedContent imageContent(int index, long atMs) {
        return GeneratedContent.newBuilder()
                .setRequestId("req").setIndex(index).setModel("digits-gan").setModelName("digits-gan")
                .setModelVersion("1").setKind(ContentKind.IMAGE).setText(null)
                .setImage(Image.newBuilder().setFormat("png").setWidth(1).setHeight(1)
                        .setData(ByteBuffer.wrap(new byte[] {0})).build())
                .setSeed(index).setLabel(null).setScores(Map.of("realism", 0.5)).setBatchSize(1)
                .setQueueMs(0).setInferenceMs(0).setCreatedAt(T0 + atMs).setEmittedAt(T0 + atMs)
                .build();
    }

    private static Map<String, QualityReport> byKey(List<KeyValue<String, QualityReport>> records) {
        assertThat(records).extracting(r -> r.key).doesNotHaveDuplicates();
        return records.stream().collect(Collectors.toMap(r -> r.key, r -> r.value));
    }
}
