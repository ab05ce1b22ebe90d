package io.genstream.models.train;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a training run: the weights (in memory, and as a TF checkpoint the export graph
 * restores by variable name), the loss curve and the wall time.
 *
 * @param config what was trained
 * @param checkpointPrefix prefix of the checkpoint files ({@code <prefix>.index}, {@code .data-*})
 * @param weights every network parameter by graph name, in declaration order (no optimiser slots)
 * @param losses loss records, one per {@code logEvery} steps
 * @param wallSeconds training time, data generation and graph building excluded
 * @param dataSha256 fingerprint of the training data set
 */
public record TrainedGan(
        GanConfig config,
        String checkpointPrefix,
        Map<String, float[]> weights,
        List<LossRecord> losses,
        double wallSeconds,
        String dataSha256) {

    public LossRecord finalLosses() {
        return losses.get(losses.size() - 1);
    }
}
