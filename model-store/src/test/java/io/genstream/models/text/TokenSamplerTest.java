package io.genstream.models.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class TokenSamplerTest {

    /** ln of probabilities 0.5, 0.3, 0.15, 0.05 for tokens 2, 0, 3, 1. */
    private static final float[] LOGITS = {
        (float) Math.log(0.3), (float) Math.log(0.05), (float) Math.log(0.5), (float) Math.log(0.15)};

    /** Counts the draws a sampler takes, so a test can see exactly how much randomness it used. */
    private static final class CountingRandom extends Random {
        int doubles;
        private boolean inNextDouble;

        CountingRandom(long seed) {
            super(seed);
        }

        @Override
        public double nextDouble() {
            doubles++;
            inNextDouble = true;
            try {
                return super.nextDouble();
            } finally {
                inNextDouble = false;
            }
        }

        @Override
        protected int next(int bits) {
            if (!inNextDouble) {
                throw new AssertionError("randomness used outside nextDouble");
            }
            return super.next(bits);
        }
    }

    @Test
    void temperatureZeroIsArgmaxWithoutRandomness() {
        Random noRandomness = new Random() {
            @Override
            protected int next(int bits) {
                throw new AssertionError("temperature 0 must not draw");
            }
        };
        assertThat(new TokenSampler(0, null, null).sample(LOGITS, noRandomness)).isEqualTo(2);
        assertThat(new TokenSampler(0, 3, 0.5f).sample(new float[] {1, 4, 4, -2}, noRandomness)).isEqualTo(1);
    }

    @Test
    void eachCallDrawsExactlyOneDouble() {
        CountingRandom rng = new CountingRandom(5);
        TokenSampler sampler = new TokenSampler(0.8f, 2, 0.9f);
        for (int i = 1; i <= 10; i++) {
            sampler.sample(LOGITS, rng);
            assertThat(rng.doubles).isEqualTo(i);
        }
        new TokenSampler(1f, 1, null).sample(LOGITS, rng);
        assertThat(rng.doubles).isEqualTo(11);
    }

    @Test
    void sameSeedGivesTheSameSequence() {
        TokenSampler sampler = new TokenSampler(1.3f, null, null);
        Random a = new Random(99);
        Random b = new Random(99);
        int[] first = new int[50];
        int[] second = new int[50];
        for (int i = 0; i < 50; i++) {
            first[i] = sampler.sample(LOGITS, a);
            second[i] = sampler.sample(LOGITS, b);
        }
        assertThat(first).containsExactly(second);
        assertThat(java.util.Arrays.stream(first).distinct().count()).isGreaterThan(1);
    }

    /**
     * The draw walks the tokens from the most to the least likely, equal ones by lower id first: the order fixes which
     * token a given draw picks, so a seed's text (and the committed models' sampled figures) depend on it.
     */
    @Test
    void theDrawWalksTokensFromMostToLeastLikelyTiesByLowerId() {
        float[] logits = {1, 3, 3, 1, 2, 3};
        int[] order = {1, 2, 5, 4, 0, 3};
        double total = 0;
        for (float l : logits) {
            total += Math.exp(l - 3);
        }
        double below = 0;
        for (int token : order) {
            double p = Math.exp(logits[token] - 3) / total;
            double u = below + p / 2;
            Random fixed = new Random() {
                @Override
                public double nextDouble() {
                    return u;
                }
            };
            assertThat(new TokenSampler(1f, null, null).sample(logits, fixed)).as("draw %.4f", u).isEqualTo(token);
            below += p;
        }
    }

    @Test
    void atTemperatureOneTokensFollowTheSoftmax() {
        int[] counts = sampleCounts(new TokenSampler(1f, null, null), 20_000);
        assertThat(counts[2] / 20_000.0).isCloseTo(0.5, within(0.02));
        assertThat(counts[0] / 20_000.0).isCloseTo(0.3, within(0.02));
        assertThat(counts[3] / 20_000.0).isCloseTo(0.15, within(0.02));
        assertThat(counts[1] / 20_000.0).isCloseTo(0.05, within(0.01));
    }

    @Test
    void topKKeepsOnlyTheKMostLikelyTokensRenormalised() {
        int[] counts = sampleCounts(new TokenSampler(1f, 2, null), 20_000);
        assertThat(counts[1]).isZero();
        assertThat(counts[3]).isZero();
        assertThat(counts[2] / 20_000.0).isCloseTo(0.5 / 0.8, within(0.02));
        assertThat(sampleCounts(new TokenSampler(5f, 1, null), 500)[2]).isEqualTo(500);
    }

    @Test
    void topPKeepsTheFewestTokensReachingTheMass() {
        // 0.5 alone does not reach 0.6; 0.5 + 0.3 does: tokens 2 and 0 stay
        int[] counts = sampleCounts(new TokenSampler(1f, null, 0.6f), 20_000);
        assertThat(counts[1]).isZero();
        assertThat(counts[3]).isZero();
        assertThat(counts[0] / 20_000.0).isCloseTo(0.3 / 0.8, within(0.02));
        assertThat(sampleCounts(new TokenSampler(1f, null, 0.5f), 500)[2]).isEqualTo(500);
        assertThat(sampleCounts(new TokenSampler(1f, null, 0.81f), 20_000)[3]).isPositive();
    }

    @Test
    void topPAppliesToWhatTopKKept() {
        // top-2 leaves 0.625 / 0.375; top-p 0.6 of that keeps only token 2
        assertThat(sampleCounts(new TokenSampler(1f, 2, 0.6f), 500)[2]).isEqualTo(500);
    }

    @Test
    void lowTemperatureSharpensHighTemperatureFlattens() {
        assertThat(sampleCounts(new TokenSampler(0.25f, null, null), 5000)[2]).isGreaterThan(4200); // 0.5^4 / sum p^4 = 0.88
        assertThat(sampleCounts(new TokenSampler(20f, null, null), 5000)[1]).isGreaterThan(900);
    }

    @Test
    void logProbIsTheLogSoftmax() {
        double total = 0;
        for (int t = 0; t < LOGITS.length; t++) {
            total += Math.exp(TokenSampler.logProb(LOGITS, t));
        }
        assertThat(total).isCloseTo(1.0, within(1e-9));
        assertThat(TokenSampler.logProb(LOGITS, 2)).isCloseTo(Math.log(0.5), within(1e-6));
        float[] shifted = {LOGITS[0] + 100, LOGITS[1] + 100, LOGITS[2] + 100, LOGITS[3] + 100};
        assertThat(TokenSampler.logProb(shifted, 1)).isCloseTo(Math.log(0.05), within(1e-4));
    }

    @Test
    void rejectsInvalidParameters() {
        assertThatThrownBy(() -> new TokenSampler(-0.1f, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenSampler(Float.NaN, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenSampler(Float.POSITIVE_INFINITY, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenSampler(1f, 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenSampler(1f, null, 0f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenSampler(1f, null, 1.01f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenSampler(1f, null, Float.NaN)).isInstanceOf(IllegalArgumentException.class);
        new TokenSampler(0f, 1, 1f);
    }

    @Test
    void rejectsUnusableLogits() {
        TokenSampler sampler = new TokenSampler(1f, null, null);
        assertThatThrownBy(() -> sampler.sample(new float[0], new Random(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sampler.sample(new float[] {1, Float.NaN}, new Random(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenSampler.logProb(LOGITS, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(sampler.sample(new float[] {Float.NEGATIVE_INFINITY, 0}, new Random(1))).isEqualTo(1);
    }

    private static int[] sampleCounts(TokenSampler sampler, int draws) {
        Random rng = new Random(1234);
        int[] counts = new int[LOGITS.length];
        for (int i = 0; i < draws; i++) {
            counts[sampler.sample(LOGITS, rng)]++;
        }
        return counts;
    }
}
