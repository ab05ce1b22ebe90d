package io.genstream.models.train;

/**
 * Mean cross-entropy (nats) and accuracy on the training batches of the {@code logEvery} steps
 * ending at {@code step}, and the wall time since the start of training.
 */
public record ClassifierLossRecord(int step, double loss, double accuracy, double seconds) {}
