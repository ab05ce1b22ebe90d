package io.genstream.models.train;

/**
 * Mean per-image losses over the {@code logEvery} steps ending at {@code step}: the weighted loss
 * that was minimised, its reconstruction and KL parts, the KL weight at {@code step}, and the wall
 * time since the start of training.
 */
public record VaeLossRecord(int step, double loss, double reconstruction, double kl, double klWeight, double seconds) {}
