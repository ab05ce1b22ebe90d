package io.genstream.models.export;

/**
 * Diagonal Gaussian posteriors of a batch: {@code mean} and {@code logVariance}, row-major
 * {@code [count × latentDim]} each.
 */
public record Encoding(float[] mean, float[] logVariance) {}
