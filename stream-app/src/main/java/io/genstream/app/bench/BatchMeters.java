package io.genstream.app.bench;

import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.metrics.ModelTags;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * A reading of one model's batcher meters ({@code genstream.inference}, {@code genstream.batch.size}):
 * two readings give the model calls made in between, their mean time and mean size.
 *
 * @param calls model calls so far
 * @param callMillis their total time
 * @param items items in them
 */
record BatchMeters(long calls, double callMillis, double items) {

    static BatchMeters read(MeterRegistry registry, String modelId) {
        Timer inference = registry.find(GenstreamMetrics.INFERENCE).tags(ModelTags.of(modelId)).timer();
        DistributionSummary sizes = registry.find(GenstreamMetrics.BATCH_SIZE).tags(ModelTags.of(modelId)).summary();
        if (inference == null || sizes == null) {
            return new BatchMeters(0, 0, 0);
        }
        return new BatchMeters(inference.count(), inference.totalTime(TimeUnit.NANOSECONDS) / 1e6,
                sizes.totalAmount());
    }

    /** The calls made since {@code earlier}. */
    BatchMeters since(BatchMeters earlier) {
        return new BatchMeters(calls - earlier.calls, callMillis - earlier.callMillis, items - earlier.items);
    }

    /** Mean time of one model call (one batch), ms; NaN without calls. */
    double meanCallMs() {
        return calls == 0 ? Double.NaN : callMillis / calls;
    }

    double meanBatchSize() {
        return calls == 0 ? Double.NaN : items / calls;
    }
}
