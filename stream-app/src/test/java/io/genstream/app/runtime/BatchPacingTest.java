package io.genstream.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The items a partial batch needs: ⌈λ·c / (ρ·w)⌉ from the arrival rate λ and the mean call time c. */
class BatchPacingTest {

    private static final long MS = 1_000_000L;

    /** Offers one item every {@code intervalMs}, {@code count} times, starting at {@code start}; returns the end. */
    private static long offerEvery(BatchPacing pacing, long start, long intervalMs, int count) {
        long now = start;
        for (int i = 0; i < count; i++) {
            now += intervalMs * MS;
            pacing.offered(1, now);
        }
        return now;
    }

    /** Offers one item every millisecond for {@code seconds}, starting at {@code start}; returns the end. */
    private static long steadyThousandPerSecond(BatchPacing pacing, long start, int seconds) {
        return offerEvery(pacing, start, 1, seconds * 1000);
    }

    @Test
    void untilACallHasBeenTimedOneItemIsEnough() {
        BatchPacing pacing = new BatchPacing(0.5, 1, 0);
        long now = steadyThousandPerSecond(pacing, 0, 2);
        assertThat(pacing.itemsNeeded(now)).isEqualTo(1);
    }

    @Test
    void aSteadyLoadNeedsTheBatchThatKeepsTheInstancesBusyTheTargetShare() {
        BatchPacing pacing = new BatchPacing(0.5, 1, 0);
        long now = steadyThousandPerSecond(pacing, 0, 5);
        pacing.called(20 * MS);

        // 1,000 items/s × 20 ms a call / 0.5 = 40 items: 25 calls a second of 20 ms, busy half the time.
        assertThat(pacing.ratePerSecond(now)).isCloseTo(1000, within(10.0));
        assertThat(pacing.itemsNeeded(now)).isBetween(39, 41);
    }

    @Test
    void moreInstancesOrAHigherTargetNeedSmallerBatches() {
        BatchPacing two = new BatchPacing(0.5, 2, 0);
        BatchPacing busier = new BatchPacing(1.0, 1, 0);
        long now = steadyThousandPerSecond(two, 0, 5);
        steadyThousandPerSecond(busier, 0, 5);
        two.called(20 * MS);
        busier.called(20 * MS);

        assertThat(two.itemsNeeded(now)).isBetween(19, 21);
        assertThat(busier.itemsNeeded(now)).isBetween(19, 21);
    }

    @Test
    void aLightLoadNeedsOneItemSoALoneRequestRunsAtOnce() {
        BatchPacing pacing = new BatchPacing(0.5, 1, 0);
        long now = offerEvery(pacing, 0, 100, 50); // 10 items a second
        pacing.called(20 * MS);
        // 10 items/s × 20 ms / 0.5 = 0.4: one item.
        assertThat(pacing.itemsNeeded(now)).isEqualTo(1);
    }

    @Test
    void theRateFollowsTheLoadDownWithinSeconds() {
        BatchPacing pacing = new BatchPacing(0.5, 1, 0);
        long now = steadyThousandPerSecond(pacing, 0, 5);
        pacing.called(20 * MS);
        assertThat(pacing.itemsNeeded(now)).isGreaterThan(30);

        assertThat(pacing.itemsNeeded(now + 1000 * MS)).isBetween(14, 16); // 40 / e
        assertThat(pacing.itemsNeeded(now + 10_000 * MS)).isEqualTo(1);
    }

    @Test
    void theCallTimeIsAMovingAverageOfRecentCalls() {
        BatchPacing pacing = new BatchPacing(1.0, 1, 0);
        long now = steadyThousandPerSecond(pacing, 0, 5);
        pacing.called(10 * MS);
        pacing.called(20 * MS); // 10 + 0.2 × (20 − 10) = 12 ms

        assertThat(pacing.itemsNeeded(now)).isBetween(11, 13);
        for (int i = 0; i < 50; i++) {
            pacing.called(40 * MS);
        }
        assertThat(pacing.itemsNeeded(now)).isBetween(39, 41);
    }

    @Test
    void refusesATargetOutsideZeroToOneOrNoInstances() {
        assertThatThrownBy(() -> new BatchPacing(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchPacing(1.5, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchPacing(Double.NaN, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchPacing(0.5, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
