package io.genstream.models.stats;

/**
 * Mean and covariance of feature vectors that arrive one at a time (a window filling up), in one pass and
 * mergeable, so partial windows combine without keeping their vectors.
 *
 * <p>It keeps n, the running mean and the co-moment matrix {@code C = sum (x_i - mu)(x_i - mu)^T}; the covariance
 * is {@code C / (n - 1)}. Adding x (Welford 1962): {@code delta = x - mu; mu += delta / n;
 * C += ((n - 1) / n) delta delta^T}. Merging A and B (Chan, Golub and LeVeque 1979):
 * {@code delta = mu_B - mu_A; mu = mu_A + delta n_B / n; C = C_A + C_B + (n_A n_B / n) delta delta^T}.
 * Both avoid the cancellation of the textbook {@code sum x x^T - n mu mu^T}, and keep C exactly symmetric.
 *
 * <p>Not thread-safe: one window, one owner.
 */
public final class GaussianAccumulator {

    private final int dimension;
    private long count;
    private final double[] mean;
    private final double[][] comoments;

    /** An empty accumulator for vectors of {@code dimension} components. */
    public GaussianAccumulator(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, not " + dimension);
        }
        this.dimension = dimension;
        this.mean = new double[dimension];
        this.comoments = new double[dimension][dimension];
    }

    /**
     * An accumulator that carries on from saved state (what {@link #count()}, {@link #mean()} and
     * {@link #comoments()} returned), e.g. after a state store restores a window.
     */
    public static GaussianAccumulator restore(long count, double[] mean, double[][] comoments) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, not " + count);
        }
        GaussianAccumulator restored = new GaussianAccumulator(mean.length);
        SquareMatrices.requireSquare(comoments, mean.length, "co-moment matrix");
        restored.count = count;
        System.arraycopy(mean, 0, restored.mean, 0, mean.length);
        for (int i = 0; i < mean.length; i++) {
            System.arraycopy(comoments[i], 0, restored.comoments[i], 0, mean.length);
        }
        return restored;
    }

    /** Adds one vector of this accumulator's dimension, all of its components finite. */
    public GaussianAccumulator add(double[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("vector of dimension " + vector.length + ", expected " + dimension);
        }
        for (double x : vector) {
            // One NaN would poison the whole window's statistics: refuse it where it comes in.
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("vector holds a value that is not finite: " + x);
            }
        }
        count++;
        double[] delta = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            delta[i] = vector[i] - mean[i];
            mean[i] += delta[i] / count;
        }
        addOuterProduct(delta, (count - 1.0) / count);
        return this;
    }

    /** Adds everything {@code other} has seen (it is left unchanged). */
    public GaussianAccumulator merge(GaussianAccumulator other) {
        if (other.dimension != dimension) {
            throw new IllegalArgumentException("cannot merge dimension " + other.dimension + " into " + dimension);
        }
        if (other.count == 0) {
            return this;
        }
        long total = count + other.count;
        double[] delta = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            delta[i] = other.mean[i] - mean[i];
            mean[i] += delta[i] * other.count / total;
        }
        for (int i = 0; i < dimension; i++) {
            for (int j = 0; j < dimension; j++) {
                comoments[i][j] += other.comoments[i][j];
            }
        }
        addOuterProduct(delta, (double) count * other.count / total);
        count = total;
        return this;
    }

    /** The statistics of the vectors so far; needs at least two of them. */
    public GaussianStats toStats() {
        if (count < 2) {
            throw new IllegalStateException("a covariance needs at least 2 vectors, have " + count);
        }
        double[][] covariance = new double[dimension][dimension];
        for (int i = 0; i < dimension; i++) {
            for (int j = 0; j < dimension; j++) {
                covariance[i][j] = comoments[i][j] / (count - 1);
            }
        }
        return GaussianStats.owning(count, mean.clone(), covariance);
    }

    /** How many vectors have been added (merged ones included). */
    public long count() {
        return count;
    }

    /** The vector dimension. */
    public int dimension() {
        return dimension;
    }

    /** A copy of the running mean (zeros while empty). */
    public double[] mean() {
        return mean.clone();
    }

    /** A copy of the co-moment matrix {@code sum (x_i - mu)(x_i - mu)^T}, the state to save besides n and mean. */
    public double[][] comoments() {
        return SquareMatrices.copy(comoments);
    }

    /** Adds {@code weight delta delta^T}, computing each off-diagonal product once so C stays symmetric. */
    private void addOuterProduct(double[] delta, double weight) {
        for (int i = 0; i < dimension; i++) {
            double scaled = delta[i] * weight;
            for (int j = i; j < dimension; j++) {
                double term = scaled * delta[j];
                comoments[i][j] += term;
                if (j != i) {
                    comoments[j][i] += term;
                }
            }
        }
    }
}
