package io.genstream.app.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DiversityTest {

    @Test
    void averagesTheDistancesOfAllPairs() {
        // A 3-4-5 right triangle: the three pairwise distances are 3, 4 and 5, mean 4.
        double[][] triangle = {{0, 0}, {3, 0}, {0, 4}};
        assertThat(Diversity.meanPairwiseDistance(triangle).getAsDouble()).isCloseTo(4.0, within(1e-12));
        // Exact as long as the 3 pairs fit in maxPairs.
        assertThat(Diversity.meanPairwiseDistance(triangle, 3, 7).getAsDouble()).isCloseTo(4.0, within(1e-12));
    }

    @Test
    void isZeroForACollapsedSetAndEmptyWithoutAPair() {
        double[][] same = {{1, 2, 3}, {1, 2, 3}, {1, 2, 3}};
        assertThat(Diversity.meanPairwiseDistance(same).getAsDouble()).isZero();
        assertThat(Diversity.meanPairwiseDistance(new double[][] {{1, 2}})).isEmpty();
        assertThat(Diversity.meanPairwiseDistance(new double[0][])).isEmpty();
    }

    @Test
    void estimatesTheMeanFromASeededSampleOfPairs() {
        // Points 0, 1, ..., n-1 on a line: the mean of |i - j| over pairs i < j is (n + 1) / 3
        // (sum over d = 1..n-1 of d (n - d), divided by n (n - 1) / 2). For n = 1000: 333.67.
        int n = 1000;
        double[][] line = new double[n][];
        for (int i = 0; i < n; i++) {
            line[i] = new double[] {i};
        }
        double exact = Diversity.meanPairwiseDistance(line).getAsDouble();
        assertThat(exact).isCloseTo((n + 1) / 3.0, within(1e-6));
        // 20 000 sampled pairs of ~500 000: |i - j| has standard deviation ~ n/sqrt(18) = 236, so the estimate's
        // standard error is ~1.7; 10 (6 standard errors) bounds it.
        double sampled = Diversity.meanPairwiseDistance(line, 20_000, 11).getAsDouble();
        assertThat(sampled).isCloseTo(exact, within(10.0)).isNotEqualTo(exact);
        assertThat(Diversity.meanPairwiseDistance(line, 20_000, 11).getAsDouble()).isEqualTo(sampled);
        assertThat(Diversity.meanPairwiseDistance(line, 20_000, 12).getAsDouble()).isNotEqualTo(sampled);
    }

    @Test
    void refusesMixedDimensionsAndAnEmptyBudget() {
        assertThatThrownBy(() -> Diversity.meanPairwiseDistance(new double[][] {{1, 2}, {1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension 2 and 1");
        assertThatThrownBy(() -> Diversity.meanPairwiseDistance(new double[][] {{1}, {2}}, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
