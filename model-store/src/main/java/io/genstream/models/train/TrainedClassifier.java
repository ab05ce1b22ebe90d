package io.genstream.models.train;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a digits-eval training run.
 *
 * @param config what was trained
 * @param checkpointPrefix prefix of the checkpoint files the export graph restores by variable name
 * @param weights every network parameter by graph name, in declaration order (no optimiser slots)
 * @param losses loss records, one per {@code logEvery} steps
 * @param wallSeconds training time, data generation and graph building excluded
 * @param dataSha256 fingerprint of the training data set
 */
public record TrainedClassifier(
        ClassifierConfig config,
        String checkpointPrefix,
        Map<String, float[]> weights,
        List<ClassifierLossRecord> losses,
        double wallSeconds,
        String dataSha256) {

    public ClassifierLossRecord finalLosses() {
        return losses.get(losses.size() - 1);
    }
}
