package io.genstream.app.topology;

import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.models.stats.GaussianStats;
import io.genstream.app.quality.QualityObservation;
import io.genstream.app.quality.QualityWindow;
import io.genstream.avro.GeneratedContent;
import io.genstream.avro.QualityReport;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Windowed quality per model version, in the same application and transaction as generation:
 *
 * <pre>
 *   generated items ─▶ observation, keyed model@version ─▶ repartition ─▶ sample (features and texts into
 *     the window's bounded sample store) ─▶ tumbling event-time window ─▶ aggregate (count, score sums)
 *     ─▶ suppress until the window closes ─▶ report (with the sample, then deleted) ─▶ gauges ─▶ genstream.quality
 * </pre>
 *
 * Event time is the content record's timestamp: the request's record timestamp, which producers set when they
 * set {@code createdAt}. An item later than the window's end plus the grace is dropped (Kafka Streams counts it
 * in its {@code dropped-records} metric). Each window is reported once, when stream time passes its end plus the
 * grace; stream time advances with the items of the same partition, so a window closes when later traffic comes.
 * The suppression buffer is unbounded in configuration but not in fact: it holds one window state per model
 * version and open window, and each state is capped ({@link QualityWindow}).
 */
public final class QualityTopology {

    static final String STORE = "quality-windows";
    /** The windows' samples ({@link QualitySamples}), kept out of the window state. */
    static final String SAMPLES = "quality-samples";

    /**
     * @param window length of the tumbling windows
     * @param grace how late an item may arrive and still count
     * @param imageSampleSize feature vectors kept per window
     * @param textSampleSize texts kept per window
     */
    public record Settings(Duration window, Duration grace, int imageSampleSize, int textSampleSize) {
        public Settings {
            if (window.toMillis() < 1 || grace.isNegative()) {
                throw new IllegalArgumentException("quality window must be at least 1 ms and grace not negative");
            }
            if (imageSampleSize < 2 || textSampleSize < 2) {
                throw new IllegalArgumentException("quality samples must hold at least 2 items");
            }
        }
    }

    private QualityTopology() {}

    /** The observation of one generated item, keyed by its model version ({@code name@version}). */
    public static KeyValue<String, QualityObservation> observe(GeneratedItem item) {
        GeneratedContent content = item.content();
        QualityObservation observation = new QualityObservation(content.getModelName(), content.getModelVersion(),
                content.getKind(), content.getCreatedAt(), content.getScores(), content.getText(),
                item.features().orElse(null));
        return KeyValue.pair(observation.modelId(), observation);
    }

    /**
     * Adds the windowed aggregation of {@code observations} and its sink.
     *
     * @param references the reference feature statistics of a model version ({@code name@version}), for the
     *     Fréchet distance; empty when it has none
     */
    public static void build(StreamsBuilder builder, Topics topics, KStream<String, QualityObservation> observations,
            Settings settings, Function<String, Optional<GaussianStats>> references, GenstreamMetrics metrics) {
        TimeWindows windows = TimeWindows.ofSizeAndGrace(settings.window(), settings.grace());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SAMPLES),
                Serdes.String(), Serdes.ByteArray()));
        observations
                .repartition(Repartitioned.with(Serdes.String(), QualitySerdes.observation()).withName("quality-by-model"))
                .processValues(() -> new QualitySampler(SAMPLES, settings, windows), Named.as("quality-sample"), SAMPLES)
                .groupByKey(Grouped.with(Serdes.String(), QualitySerdes.observation()))
                .windowedBy(windows)
                .aggregate(QualityWindow::new,
                        (modelId, item, window) ->
                                window.add(item, settings.imageSampleSize(), settings.textSampleSize()),
                        Named.as("quality-aggregate"),
                        Materialized.<String, QualityWindow, WindowStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(QualitySerdes.window()))
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())
                        .withName("quality-until-window-closes"))
                .toStream(Named.as("quality-closed-windows"))
                .processValues(() -> new QualityReporter(SAMPLES, settings, references), Named.as("quality-report"),
                        SAMPLES)
                .peek((window, report) -> metrics.qualityReported(window.key(), report.getCount(), report.getMetrics()),
                        Named.as("quality-gauges"))
                .map((window, report) -> KeyValue.pair(window.key(), report), Named.as("quality-by-model-id"))
                .to(topics.quality().name(), topics.quality().produced());
    }

    /** The report of a closed window; self-BLEU samples with the window start as its seed. */
    static QualityReport report(Windowed<String> window, QualityWindow state,
            Function<String, Optional<GaussianStats>> references) {
        return QualityReport.newBuilder()
                .setModelName(state.modelName())
                .setModelVersion(state.modelVersion())
                .setWindowStart(window.window().start())
                .setWindowEnd(window.window().end())
                .setCount(state.count())
                .setMetrics(state.metrics(references.apply(window.key()), window.window().start()))
                .build();
    }
}
