package io.genstream.models.train;

/**
 * Mean losses over the {@code logEvery} steps ending at {@code step}, and the wall time since the
 * start of training.
 */
public record LossRecord(int step, double discriminatorLoss, double generatorLoss, double seconds) {}
