package io.genstream.models.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {

    private static final double EXACT = 1e-12;

    @Test
    void oneDimensionalGaussiansByHand() {
        // N(1, 4) and N(3, 9): (m1 - m2)^2 + s1 + s2 - 2 sqrt(s1 s2) = 4 + 4 + 9 - 2 * 6 = 5.
        assertThat(FrechetDistance.between(new double[] {1}, new double[][] {{4}}, new double[] {3}, new double[][] {{9}}))
                .isCloseTo(5.0, within(EXACT));
    }

    @Test
    void diagonalCovariancesByHand() {
        // Commuting covariances: the trace term is sum_i (sqrt a_i - sqrt b_i)^2.
        // mu (0, 0) vs (1, 2): 1 + 4 = 5. diag(1, 4) vs diag(4, 9): (1 - 2)^2 + (2 - 3)^2 = 2. Total 7.
        double d = FrechetDistance.between(new double[] {0, 0}, new double[][] {{1, 0}, {0, 4}},
                new double[] {1, 2}, new double[][] {{4, 0}, {0, 9}});
        assertThat(d).isCloseTo(7.0, within(EXACT));
    }

    @Test
    void rotatedCovarianceByHand() {
        // S1 = diag(4, 1); S2 = the same rotated by 45 degrees, R S1 R^T = [[2.5, 1.5], [1.5, 2.5]].
        // S1^(1/2) S2 S1^(1/2) = diag(2, 1) S2 diag(2, 1) = [[10, 3], [3, 2.5]]: trace 12.5, determinant 16.
        // For a 2 x 2 positive definite M, Tr(M^(1/2)) = sqrt(l1) + sqrt(l2) = sqrt(Tr M + 2 sqrt(det M))
        // = sqrt(12.5 + 8) = sqrt(20.5). So d = 0 + 5 + 5 - 2 sqrt(20.5) = 0.94461...
        double d = FrechetDistance.between(new double[] {0, 0}, new double[][] {{4, 0}, {0, 1}},
                new double[] {0, 0}, new double[][] {{2.5, 1.5}, {1.5, 2.5}});
        assertThat(d).isCloseTo(10 - 2 * Math.sqrt(20.5), within(EXACT));
    }

    @Test
    void singularCovarianceByHand() {
        // S1 = [[1, 1], [1, 1]] (rank 1, all mass on the diagonal line), S2 = I. S1 S2 = S1, with eigenvalues 2
        // and 0, so Tr((S1 S2)^(1/2)) = sqrt 2 and d = 2 + 2 - 2 sqrt 2. The zero eigenvalue must not become NaN.
        double d = FrechetDistance.between(new double[] {0, 0}, new double[][] {{1, 1}, {1, 1}},
                new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}});
        assertThat(d).isCloseTo(4 - 2 * Math.sqrt(2), within(EXACT));
    }

    @Test
    void agreesWithTheTwoByTwoClosedFormBothWaysRound() {
        // Tr((S1 S2)^(1/2)) = sqrt(Tr(S1 S2) + 2 sqrt(det S1 det S2)) for 2 x 2 positive definite S1, S2
        // (the eigenvalues of S1 S2 are those of S1^(1/2) S2 S1^(1/2)); the distance is symmetric in the two.
        Random random = new Random(3);
        for (int trial = 0; trial < 50; trial++) {
            double[][] s1 = randomSpd2(random);
            double[][] s2 = randomSpd2(random);
            double[] mu1 = {random.nextGaussian(), random.nextGaussian()};
            double[] mu2 = {random.nextGaussian(), random.nextGaussian()};
            double traceProduct = s1[0][0] * s2[0][0] + 2 * s1[0][1] * s2[0][1] + s1[1][1] * s2[1][1];
            double rootDet = Math.sqrt(det2(s1) * det2(s2));
            double meanTerm = Math.pow(mu1[0] - mu2[0], 2) + Math.pow(mu1[1] - mu2[1], 2);
            double expected = meanTerm + s1[0][0] + s1[1][1] + s2[0][0] + s2[1][1]
                    - 2 * Math.sqrt(traceProduct + 2 * rootDet);
            assertThat(FrechetDistance.between(mu1, s1, mu2, s2)).isCloseTo(expected, within(1e-10));
            assertThat(FrechetDistance.between(mu2, s2, mu1, s1)).isCloseTo(expected, within(1e-10));
        }
    }

    @Test
    void scaledCovarianceInOneHundredTwentyEightDimensions() {
        // N(0, S) vs N(0, c^2 S): (S c^2 S)^(1/2) = c S, so d = Tr S (1 + c^2 - 2c) = (1 - c)^2 Tr S, for any S,
        // including this rank-deficient one (100 samples in 128 dimensions: rank 99, 29 zero eigenvalues).
        double[][] s = SymmetricEigenTest.sampleCovariance(100, 128, 9);
        double c = 1.5;
        double[][] scaled = new double[128][128];
        for (int i = 0; i < 128; i++) {
            for (int j = 0; j < 128; j++) {
                scaled[i][j] = c * c * s[i][j];
            }
        }
        double expected = (1 - c) * (1 - c) * SquareMatrices.trace(s);
        double[] zero = new double[128];
        assertThat(FrechetDistance.between(zero, s, zero, scaled)).isCloseTo(expected, within(1e-8 * expected));
        assertThat(FrechetDistance.between(zero, s, zero, s)).isCloseTo(0, within(1e-8 * expected));
    }

    @Test
    void identicalStatisticsAreZeroApart() {
        GaussianStats stats = GaussianStats.of(GaussianStatsTest.randomVectors(200, 16, 4));
        assertThat(FrechetDistance.between(stats, stats)).isGreaterThanOrEqualTo(0).isLessThan(1e-9);
    }

    @Test
    void sampleEstimatesApproachTheExactDistance() {
        // 20 000 draws from each of the Gaussians of rotatedCovarianceByHand, the second moved to mean (1, 1):
        // exact d = 2 + 10 - 2 sqrt(20.5) = 2.9446. Repeating this over 200 seeds (numpy) gave a spread of 0.056
        // around it, so 0.25 is a 4.5-sigma bound.
        Random random = new Random(17);
        double rootHalf = Math.sqrt(0.5);
        GaussianAccumulator first = new GaussianAccumulator(2);
        GaussianAccumulator second = new GaussianAccumulator(2);
        for (int i = 0; i < 20_000; i++) {
            first.add(new double[] {2 * random.nextGaussian(), random.nextGaussian()});
            // x = mu + R diag(2, 1) z, with R the rotation by 45 degrees: covariance R diag(4, 1) R^T.
            double a = 2 * random.nextGaussian();
            double b = random.nextGaussian();
            second.add(new double[] {1 + rootHalf * (a - b), 1 + rootHalf * (a + b)});
        }
        double estimate = FrechetDistance.between(first.toStats(), second.toStats());
        assertThat(estimate).isCloseTo(12 - 2 * Math.sqrt(20.5), within(0.25));
    }

    @Test
    void refusesStatisticsOfDifferentDimensions() {
        assertThatThrownBy(() -> FrechetDistance.between(new double[] {0}, new double[][] {{1}},
                new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension 1 and 2");
    }

    private static double[][] randomSpd2(Random random) {
        double a = random.nextGaussian();
        double b = random.nextGaussian();
        double c = random.nextGaussian();
        double e = random.nextGaussian();
        // B B^T + 0.1 I with B = [[a, b], [c, e]]: symmetric positive definite.
        return new double[][] {{a * a + b * b + 0.1, a * c + b * e}, {a * c + b * e, c * c + e * e + 0.1}};
    }

    private static double det2(double[][] m) {
        return m[0][0] * m[1][1] - m[0][1] * m[1][0];
    }
}
