package io.genstream.models.gpt;

/**
 * Mean training loss (nats per predicted character) over the {@code logEvery} steps ending at
 * {@code step}, the learning rate of that step, and the wall time since the start of training.
 */
public record GptLossRecord(int step, double loss, double learningRate, double seconds) {}
