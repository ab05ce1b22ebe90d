package io.genstream.models.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void findsTheEigenpairsOfATwoByTwoByHand() {
        // [[2, 1], [1, 2]]: det(A - l I) = (2 - l)^2 - 1 = 0 at l = 1 and 3, with vectors (1, -1) and (1, 1) / sqrt 2.
        SymmetricEigen eigen = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
        assertThat(eigen.values()).containsExactly(new double[] {1, 3}, within(1e-14));
        double[][] v = eigen.vectors();
        assertThat(Math.abs(v[0][1] * v[1][1])).isCloseTo(0.5, within(1e-14));
        assertThat(v[0][0] * v[1][0]).isCloseTo(-0.5, within(1e-14));
    }

    @Test
    void squareRootOfAMatrixSquaresBackToIt() {
        // [[5, 4], [4, 5]] has eigenvalues 1 and 9 on (1, -1) and (1, 1), so its root is [[2, 1], [1, 2]].
        double[][] root = SymmetricEigen.of(new double[][] {{5, 4}, {4, 5}}).apply(Math::sqrt);
        assertThat(root[0]).containsExactly(new double[] {2, 1}, within(1e-14));
        assertThat(root[1]).containsExactly(new double[] {1, 2}, within(1e-14));
    }

    @Test
    void handlesRepeatedZeroAndSingleEigenvalues() {
        // The identity has one eigenvalue, 1, n times; any orthonormal basis is an eigenbasis.
        SymmetricEigen identity = SymmetricEigen.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        assertThat(identity.values()).containsExactly(new double[] {1, 1, 1}, within(1e-15));
        assertThat(SymmetricEigen.of(new double[3][3]).values()).containsExactly(0, 0, 0);
        assertThat(SymmetricEigen.of(new double[][] {{-2.5}}).values()).containsExactly(-2.5);
        // diag(3, -1, 2) comes back sorted, each value on its own axis.
        SymmetricEigen diagonal = SymmetricEigen.of(new double[][] {{3, 0, 0}, {0, -1, 0}, {0, 0, 2}});
        assertThat(diagonal.values()).containsExactly(new double[] {-1, 2, 3}, within(1e-15));
        assertThat(Math.abs(diagonal.vectors()[1][0])).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void refusesValuesThatAreNotFinite() {
        assertThatThrownBy(() -> SymmetricEigen.of(new double[][] {{1, Double.NaN}, {Double.NaN, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite");
    }

    @Test
    void decomposesALargeCovarianceAccurately() {
        // A 128 x 128 sample covariance of rank 60 (60 vectors): A = V diag(l) V^T to rounding, V orthonormal,
        // and 128 - 60 + 1 = 69 eigenvalues zero up to rounding.
        double[][] a = sampleCovariance(60, 128, 1);
        SymmetricEigen eigen = SymmetricEigen.of(a);
        double[] values = eigen.values();
        double[][] v = eigen.vectors();
        double scale = values[values.length - 1];
        double[][] rebuilt = eigen.apply(x -> x);
        double worstEntry = 0;
        double worstDot = 0;
        for (int i = 0; i < 128; i++) {
            for (int j = 0; j < 128; j++) {
                worstEntry = Math.max(worstEntry, Math.abs(rebuilt[i][j] - a[i][j]));
                double dot = 0;
                for (int k = 0; k < 128; k++) {
                    dot += v[k][i] * v[k][j];
                }
                worstDot = Math.max(worstDot, Math.abs(dot - (i == j ? 1 : 0)));
            }
        }
        assertThat(worstEntry).isLessThan(1e-11 * scale);
        assertThat(worstDot).isLessThan(1e-12);
        for (int k = 0; k < 69; k++) {
            assertThat(Math.abs(values[k])).isLessThan(1e-12 * scale);
        }
        assertThat(values[69]).isGreaterThan(1e-6 * scale);
    }

    static double[][] sampleCovariance(int n, int d, long seed) {
        return GaussianStats.of(GaussianStatsTest.randomVectors(n, d, seed)).covariance();
    }
}
