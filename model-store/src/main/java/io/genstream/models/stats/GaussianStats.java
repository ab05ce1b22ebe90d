package io.genstream.models.stats;

/**
 * The first two moments of a set of feature vectors: the mean vector {@code mu = (1/n) sum x_i} and the unbiased
 * sample covariance {@code S = (1/(n-1)) sum (x_i - mu)(x_i - mu)^T} (the estimate FID uses, Heusel et al. 2017,
 * like {@code numpy.cov}). Immutable; the arrays handed out are copies.
 *
 * <p>Built from all vectors at once with {@link #of(double[][])}, from a window as it fills with
 * {@link GaussianAccumulator}, or from stored figures (a model manifest's reference statistics) with
 * {@link #fromMoments(long, double[], double[][])}.
 */
public final class GaussianStats {

    /** How far apart {@code S[i][j]} and {@code S[j][i]} may be, relative to the largest figure. */
    static final double SYMMETRY_TOLERANCE = 1e-6;

    private final long count;
    private final double[] mean;
    private final double[][] covariance;

    private GaussianStats(long count, double[] mean, double[][] covariance) {
        this.count = count;
        this.mean = mean;
        this.covariance = covariance;
    }

    /**
     * The statistics of {@code vectors} (at least two, all of one dimension).
     *
     * @throws IllegalArgumentException with fewer than two vectors or mixed dimensions
     */
    public static GaussianStats of(double[][] vectors) {
        if (vectors.length < 2) {
            throw new IllegalArgumentException("statistics need at least 2 vectors, not " + vectors.length);
        }
        GaussianAccumulator accumulator = new GaussianAccumulator(vectors[0].length);
        for (double[] vector : vectors) {
            accumulator.add(vector);
        }
        return accumulator.toStats();
    }

    /**
     * Statistics known already, e.g. the reference statistics stored with a model.
     *
     * @param count how many vectors they were estimated from (at least 2)
     * @param mean the mean vector, length d
     * @param covariance the d x d covariance matrix; symmetric to within {@value #SYMMETRY_TOLERANCE} of its
     *     largest entry (the rounding of float32 figures), and stored as {@code (S + S^T) / 2}
     */
    public static GaussianStats fromMoments(long count, double[] mean, double[][] covariance) {
        int d = mean.length;
        if (count < 2) {
            throw new IllegalArgumentException("statistics need at least 2 vectors, not " + count);
        }
        if (d == 0) {
            throw new IllegalArgumentException("the mean vector is empty");
        }
        SquareMatrices.requireSquare(covariance, d, "covariance");
        double largest = 0;
        for (int i = 0; i < d; i++) {
            largest = Math.max(largest, Math.abs(mean[i]));
            for (int j = 0; j < d; j++) {
                largest = Math.max(largest, Math.abs(covariance[i][j]));
            }
        }
        if (!Double.isFinite(largest)) {
            throw new IllegalArgumentException("mean or covariance holds a value that is not finite");
        }
        // Figures stored as float32 (or printed and parsed) are symmetric only to rounding: allow that, no more.
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(covariance[i][j] - covariance[j][i]) > SYMMETRY_TOLERANCE * largest) {
                    throw new IllegalArgumentException("covariance is not symmetric at (" + i + ", " + j + ")");
                }
            }
        }
        return new GaussianStats(count, mean.clone(), SquareMatrices.symmetrized(covariance));
    }

    /** Wraps arrays the caller has just built and hands over (no copy). */
    static GaussianStats owning(long count, double[] mean, double[][] covariance) {
        return new GaussianStats(count, mean, covariance);
    }

    /** How many vectors the statistics were estimated from. */
    public long count() {
        return count;
    }

    /** The dimension d of the vectors. */
    public int dimension() {
        return mean.length;
    }

    /** A copy of the mean vector. */
    public double[] mean() {
        return mean.clone();
    }

    /** A copy of the covariance matrix. */
    public double[][] covariance() {
        return SquareMatrices.copy(covariance);
    }

    /** The mean without a copy, for this package's read-only use. */
    double[] meanView() {
        return mean;
    }

    /** The covariance without a copy, for this package's read-only use. */
    double[][] covarianceView() {
        return covariance;
    }

    @Override
    public String toString() {
        return "GaussianStats[n=" + count + ", d=" + mean.length + "]";
    }
}
