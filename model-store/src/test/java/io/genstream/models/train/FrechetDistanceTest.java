package io.genstream.models.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The Fréchet distance against closed forms worked out by hand for Gaussians whose square roots are known. */
class FrechetDistanceTest {

    private static FeatureGaussian gaussian(double[] mean, double[][] covariance) {
        return new FeatureGaussian(100, mean, covariance);
    }

    @Test
    void oneDimensionIsTheClosedForm() {
        // (m1 − m2)² + s1 + s2 − 2√(s1·s2) = (1 − 3)² + 4 + 1 − 2·√4 = 4 + 5 − 4 = 5
        double d = FrechetDistance.between(gaussian(new double[] {1}, new double[][] {{4}}),
                gaussian(new double[] {3}, new double[][] {{1}}));
        assertThat(d).isCloseTo(5.0, within(1e-12));
    }

    @Test
    void diagonalCovariancesAddUpPerDimension() {
        // Per dimension (m1 − m2)² + (√s1 − √s2)²: (0 − 1)² + (1 − 3)² = 5, then (2 − 2)² + (2 − 1)² = 1, total 6.
        double d = FrechetDistance.between(
                gaussian(new double[] {0, 2}, new double[][] {{1, 0}, {0, 4}}),
                gaussian(new double[] {1, 2}, new double[][] {{9, 0}, {0, 1}}));
        assertThat(d).isCloseTo(6.0, within(1e-12));
    }

    @Test
    void aDistributionIsAtDistanceZeroFromItself() {
        FeatureGaussian g = gaussian(new double[] {0.5, -1, 2}, randomCovariance(3, new Random(1)));
        assertThat(FrechetDistance.between(g, g)).isCloseTo(0.0, within(1e-9));
    }

    /**
     * Σ1 = R diag(4, 1) Rᵀ and Σ2 = R diag(1, 9) Rᵀ for a rotation R by 30°: they commute, so
     * (Σ1Σ2)^½ = R diag(2, 3) Rᵀ and the trace term is 4 + 1 + 1 + 9 − 2·(2 + 3) = 5; equal means.
     */
    @Test
    void rotatedCovariancesGiveTheDistanceOfTheirEigenvalues() {
        double a = Math.toRadians(30);
        double[][] r = {{Math.cos(a), -Math.sin(a)}, {Math.sin(a), Math.cos(a)}};
        double d = FrechetDistance.between(gaussian(new double[] {1, 1}, rotated(r, 4, 1)),
                gaussian(new double[] {1, 1}, rotated(r, 1, 9)));
        assertThat(d).isCloseTo(5.0, within(1e-10));
    }

    /** Σ1 = s·I commutes with anything: the trace term is Tr(Σ2) + n·s − 2√s·Tr(Σ2^½). */
    @Test
    void aScaledIdentityAgainstAFullCovarianceMatchesTheClosedForm() {
        double[][] full = rotated(new double[][] {{0.6, -0.8}, {0.8, 0.6}}, 2.25, 0.16);
        double[][] scaled = {{4, 0}, {0, 4}};
        // Tr(Σ2) = 2.25 + 0.16; n·s = 8; Tr(Σ2^½) = 1.5 + 0.4.
        double expected = 2.41 + 8 - 2 * 2 * 1.9;
        double d = FrechetDistance.between(gaussian(new double[] {0, 0}, scaled), gaussian(new double[] {0, 0}, full));
        assertThat(d).isCloseTo(expected, within(1e-10));
    }

    @Test
    void itIsSymmetricForCovariancesThatDoNotCommute() {
        Random rng = new Random(7);
        FeatureGaussian x = gaussian(new double[] {0, 1, 2, 3, 4}, randomCovariance(5, rng));
        FeatureGaussian y = gaussian(new double[] {1, 1, 1, 1, 1}, randomCovariance(5, rng));
        assertThat(FrechetDistance.between(x, y)).isPositive().isCloseTo(FrechetDistance.between(y, x), within(1e-9));
    }

    @Test
    void theSymmetricSquareRootSquaresBackToTheMatrix() {
        double[][] m = randomCovariance(12, new Random(3));
        double[][] root = FrechetDistance.squareRoot(m);
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 12; j++) {
                double square = 0;
                for (int k = 0; k < 12; k++) {
                    square += root[i][k] * root[k][j];
                }
                assertThat(square).as("(%d, %d)", i, j).isCloseTo(m[i][j], within(1e-10));
            }
        }
    }

    @Test
    void jacobiFindsOrthonormalEigenvectors() {
        double[][] m = randomCovariance(8, new Random(5));
        SymmetricEigen eigen = SymmetricEigen.of(m);
        double[][] v = eigen.vectors();
        for (int i = 0; i < 8; i++) {
            for (int k = 0; k < 8; k++) {
                double mv = 0;
                for (int j = 0; j < 8; j++) {
                    mv += m[i][j] * v[j][k];
                }
                assertThat(mv).isCloseTo(eigen.values()[k] * v[i][k], within(1e-10));
            }
        }
        for (int a = 0; a < 8; a++) {
            for (int b = 0; b < 8; b++) {
                double dot = 0;
                for (int i = 0; i < 8; i++) {
                    dot += v[i][a] * v[i][b];
                }
                assertThat(dot).isCloseTo(a == b ? 1 : 0, within(1e-12));
            }
        }
    }

    /** R diag(a, b) Rᵀ. */
    private static double[][] rotated(double[][] r, double a, double b) {
        double[][] out = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                out[i][j] = r[i][0] * a * r[j][0] + r[i][1] * b * r[j][1];
            }
        }
        return out;
    }

    /** A Aᵀ + 0.1·I for a random A: symmetric positive definite, with no special structure. */
    private static double[][] randomCovariance(int n, Random rng) {
        double[][] a = new double[n][n];
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    c[i][j] += a[i][k] * a[j][k];
                }
            }
            c[i][i] += 0.1;
        }
        return c;
    }
}
