package io.genstream.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfOneToHundredIsThePercentileItself() {
        Percentiles p = Percentiles.of(LongStream.rangeClosed(1, 100).mapToDouble(i -> 101 - i).toArray());

        assertThat(p.at(50)).isEqualTo(50);
        assertThat(p.at(99)).isEqualTo(99);
        assertThat(p.at(29)).as("29 × 100 / 100 is a whole rank").isEqualTo(29);
        assertThat(p.at(100)).isEqualTo(100);
        assertThat(p.max()).isEqualTo(100);
    }

    @Test
    void percentileRoundsTheRankUpToAnObservedValue() {
        Percentiles p = Percentiles.of(new double[] {7, 1, 3});

        assertThat(p.at(50)).as("rank ceil(1.5) = 2").isEqualTo(3);
        assertThat(p.at(99)).isEqualTo(7);
        assertThat(p.at(0.1)).isEqualTo(1);
    }

    @Test
    void onlyTheSlowestFewDecideTheP99() {
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i < 989 ? 5 : 400;
        }
        Percentiles p = Percentiles.of(values);

        assertThat(p.at(50)).isEqualTo(5);
        assertThat(p.at(99)).as("11 slow of 1000: rank 990 is slow").isEqualTo(400);
    }

    @Test
    void fractionalValuesKeepTheirFraction() {
        assertThat(Percentiles.of(new double[] {0.25, 2.5, 1.75}).at(50)).isEqualTo(1.75);
    }

    @Test
    void noValuesGiveNaNAndBadPercentilesAreRefused() {
        assertThat(Percentiles.of(new double[0]).at(50)).isNaN();
        assertThat(Percentiles.of(new double[0]).max()).isNaN();
        assertThatThrownBy(() -> Percentiles.of(new double[] {1}).at(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new double[] {1}).at(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
