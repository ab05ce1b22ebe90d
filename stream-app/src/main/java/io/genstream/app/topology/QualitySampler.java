package io.genstream.app.topology;

import io.genstream.app.quality.QualityObservation;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Window;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Before the window aggregate: puts each observation's features and text into its window's sample
 * ({@link QualitySamples}) and passes the observation on without them. An item the aggregate will drop (its
 * window closed: end plus grace at or before stream time) is not sampled either.
 */
final class QualitySampler implements FixedKeyProcessor<String, QualityObservation, QualityObservation> {

    private final String storeName;
    private final QualityTopology.Settings settings;
    private final TimeWindows windows;
    private FixedKeyProcessorContext<String, QualityObservation> context;
    private QualitySamples samples;

    /** @param windows the aggregate's own windows, so an item is sampled into the window it is counted in */
    QualitySampler(String storeName, QualityTopology.Settings settings, TimeWindows windows) {
        this.storeName = storeName;
        this.settings = settings;
        this.windows = windows;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, QualityObservation> context) {
        this.context = context;
        KeyValueStore<String, byte[]> store = context.getStateStore(storeName);
        samples = new QualitySamples(store, settings.imageSampleSize(), settings.textSampleSize());
    }

    @Override
    public void process(FixedKeyRecord<String, QualityObservation> record) {
        QualityObservation item = record.value();
        for (Window window : windows.windowsFor(record.timestamp()).values()) { // one: tumbling windows
            if (window.end() + windows.gracePeriodMs() > context.currentStreamTimeMs()) {
                samples.offer(record.key(), window.start(), item);
            }
        }
        context.forward(record.withValue(new QualityObservation(item.modelName(), item.modelVersion(), item.kind(),
                item.createdAt(), item.scores(), null, null)));
    }
}
