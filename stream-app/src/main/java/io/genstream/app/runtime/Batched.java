package io.genstream.app.runtime;

/**
 * One item's result together with how it was produced, so an output record can carry its own latency facts.
 *
 * @param value the handler's output for this item
 * @param batchSize how many items shared the model call
 * @param queueMs how long this item waited between {@code submit} and the start of its batch
 * @param inferenceMs how long the handler took for the whole batch
 * @param <O> the handler's output type
 */
public record Batched<O>(O value, int batchSize, double queueMs, double inferenceMs) {}
