package io.genstream.models.train;

import java.util.List;

/**
 * The outcome of a catalog-lstm training run.
 *
 * @param config what was trained
 * @param checkpointPrefix the TF checkpoint of the final weights, which the export graph restores by name
 * @param losses one record per {@code logEvery} steps: {@code [step, mean loss, seconds]}
 * @param wallSeconds training time, data generation and graph building excluded
 * @param dataSha256 fingerprint of the training texts
 */
public record TrainedCharLstm(
        CharLstmConfig config, String checkpointPrefix, List<List<Number>> losses, double wallSeconds, String dataSha256) {

    public double finalLoss() {
        return losses.get(losses.size() - 1).get(1).doubleValue();
    }
}
