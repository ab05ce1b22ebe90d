package io.genstream.models.gpt;

import java.util.List;

/**
 * The outcome of a training run.
 *
 * @param config what was trained
 * @param architecture the network's sizes (vocabulary included)
 * @param checkpointPrefix TF checkpoint of the final weights (with Adam's slots), restored by
 *     variable name into the export graph
 * @param losses loss records, one per {@code logEvery} steps
 * @param wallSeconds training time, data generation and graph building excluded
 */
public record TrainedGpt(
        GptConfig config,
        GptArchitecture architecture,
        String checkpointPrefix,
        List<GptLossRecord> losses,
        double wallSeconds) {

    public GptLossRecord finalLoss() {
        return losses.get(losses.size() - 1);
    }
}
