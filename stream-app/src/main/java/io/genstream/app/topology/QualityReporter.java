package io.genstream.app.topology;

import io.genstream.app.quality.QualityWindow;
import io.genstream.avro.QualityReport;
import io.genstream.models.stats.GaussianStats;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/** A closed window's report: its counts and sums, with the samples {@link QualitySampler} kept (then deleted). */
final class QualityReporter implements FixedKeyProcessor<Windowed<String>, QualityWindow, QualityReport> {

    private final String storeName;
    private final QualityTopology.Settings settings;
    private final Function<String, Optional<GaussianStats>> references;
    private FixedKeyProcessorContext<Windowed<String>, QualityReport> context;
    private QualitySamples samples;

    QualityReporter(String storeName, QualityTopology.Settings settings,
            Function<String, Optional<GaussianStats>> references) {
        this.storeName = storeName;
        this.settings = settings;
        this.references = references;
    }

    @Override
    public void init(FixedKeyProcessorContext<Windowed<String>, QualityReport> context) {
        this.context = context;
        KeyValueStore<String, byte[]> store = context.getStateStore(storeName);
        samples = new QualitySamples(store, settings.imageSampleSize(), settings.textSampleSize());
    }

    @Override
    public void process(FixedKeyRecord<Windowed<String>, QualityWindow> record) {
        Windowed<String> window = record.key();
        QualitySamples.Samples sample = samples.take(window.key(), window.window().start());
        QualityWindow state = record.value().withSamples(sample.features(), sample.texts());
        context.forward(record.withValue(QualityTopology.report(window, state, references)));
    }
}
