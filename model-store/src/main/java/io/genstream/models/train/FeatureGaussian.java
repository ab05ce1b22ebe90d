package io.genstream.models.train;

import io.genstream.models.stats.GaussianStats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Gaussian summary of a set of feature vectors that a Fréchet distance compares: the count,
 * the mean and the unbiased covariance {@code Σ (x−μ)(x−μ)ᵀ / (n−1)}, in doubles. This is the
 * {@code referenceFeatures} section of the digits-eval manifest.
 */
public record FeatureGaussian(int count, double[] mean, double[][] covariance) {

    /** The mean and covariance of {@code rows} (two passes, in doubles); at least two rows. */
    public static FeatureGaussian of(float[][] rows) {
        if (rows.length < 2) {
            throw new IllegalArgumentException("a covariance needs at least two vectors, got " + rows.length);
        }
        int dim = rows[0].length;
        double[] mean = new double[dim];
        for (float[] row : rows) {
            for (int i = 0; i < dim; i++) {
                mean[i] += row[i];
            }
        }
        for (int i = 0; i < dim; i++) {
            mean[i] /= rows.length;
        }
        double[][] covariance = new double[dim][dim];
        double[] centred = new double[dim];
        for (float[] row : rows) {
            for (int i = 0; i < dim; i++) {
                centred[i] = row[i] - mean[i];
            }
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j <= i; j++) {
                    covariance[i][j] += centred[i] * centred[j];
                }
            }
        }
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j <= i; j++) {
                covariance[i][j] /= rows.length - 1;
                covariance[j][i] = covariance[i][j];
            }
        }
        return new FeatureGaussian(rows.length, mean, covariance);
    }

    /** The same statistics as {@link GaussianStats}, for {@link io.genstream.models.stats.FrechetDistance}. */
    public GaussianStats toStats() {
        return GaussianStats.fromMoments(count, mean, covariance);
    }

    public int dim() {
        return mean.length;
    }

    /** {@code {count, mean: [dim], covariance: [dim][dim]}}, as the manifest stores it. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", count);
        json.put("mean", mean);
        json.put("covariance", covariance);
        return json;
    }

    /** Reads what {@link #toJson} wrote (after a round trip through JSON: numbers and lists). */
    public static FeatureGaussian fromJson(Map<String, Object> json) {
        List<?> mean = (List<?>) json.get("mean");
        List<?> covariance = (List<?>) json.get("covariance");
        double[][] rows = new double[covariance.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = doubles((List<?>) covariance.get(i));
        }
        return new FeatureGaussian(((Number) json.get("count")).intValue(), doubles(mean), rows);
    }

    private static double[] doubles(List<?> values) {
        return values.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }
}
