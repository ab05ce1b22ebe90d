package io.genstream.models.text;

import java.util.Random;

/**
 * Picks the next token from a model's logits: temperature, then top-k, then top-p (nucleus) over
 * what top-k kept, then one draw. Temperature 0 is greedy (argmax, lowest id on ties) and uses no
 * randomness; any other temperature uses exactly one {@code rng.nextDouble()} per call, so a seeded
 * {@link Random} fixes the whole text. Ties in probability are ordered by lower id first.
 */
public final class TokenSampler {

    private final float temperature;
    private final Integer topK;
    private final Float topP;

    /**
     * @param temperature finite and {@code >= 0}; 0 means argmax
     * @param topK null (no cut) or {@code >= 1}: keep only the k most likely tokens
     * @param topP null (no cut) or in {@code (0, 1]}: keep the fewest most likely tokens whose
     *     probability adds up to at least {@code topP}
     * @throws IllegalArgumentException for a parameter outside those ranges
     */
    public TokenSampler(float temperature, Integer topK, Float topP) {
        if (!Float.isFinite(temperature) || temperature < 0) {
            throw new IllegalArgumentException("temperature must be finite and >= 0: " + temperature);
        }
        if (topK != null && topK < 1) {
            throw new IllegalArgumentException("topK must be >= 1: " + topK);
        }
        if (topP != null && !(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1]: " + topP);
        }
        this.temperature = temperature;
        this.topK = topK;
        this.topP = topP;
    }

    /** @throws IllegalArgumentException when {@code logits} is empty, holds NaN or +infinity, or is all -infinity */
    public int sample(float[] logits, Random rng) {
        checkLogits(logits);
        if (temperature == 0) {
            return argmax(logits);
        }
        double u = rng.nextDouble();
        double max = logits[argmax(logits)];
        double[] weight = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            weight[i] = Math.exp((logits[i] - max) / temperature);
        }
        int[] order = byWeight(weight);
        int kept = topK == null ? order.length : Math.min(topK, order.length);
        double total = 0;
        for (int r = 0; r < kept; r++) {
            total += weight[order[r]];
        }
        if (topP != null) {
            double cumulative = 0;
            for (int r = 0; r < kept; r++) {
                cumulative += weight[order[r]];
                if (cumulative >= topP * total) {
                    kept = r + 1;
                    total = cumulative;
                    break;
                }
            }
        }
        double target = u * total;
        for (int r = 0; r < kept - 1; r++) {
            target -= weight[order[r]];
            if (target < 0) {
                return order[r];
            }
        }
        return order[kept - 1];
    }

    /**
     * Token ids from the most to the least likely, ties by lower id first. An insertion sort of primitive ids: a
     * vocabulary is a few dozen tokens, and this runs once per token generated, for every sequence of a batch.
     */
    private static int[] byWeight(double[] weight) {
        int[] order = new int[weight.length];
        for (int id = 0; id < order.length; id++) {
            int at = id;
            // Ids arrive in increasing order, so an equal weight already placed keeps its place ahead of this one.
            while (at > 0 && weight[order[at - 1]] < weight[id]) {
                order[at] = order[at - 1];
                at--;
            }
            order[at] = id;
        }
        return order;
    }

    /** The log-probability of {@code token} under {@code logits} at temperature 1 (log-softmax). */
    public static double logProb(float[] logits, int token) {
        checkLogits(logits);
        if (token < 0 || token >= logits.length) {
            throw new IllegalArgumentException("token " + token + " outside logits of " + logits.length);
        }
        double max = logits[argmax(logits)];
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        return logits[token] - max - Math.log(sum);
    }

    private static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    private static void checkLogits(float[] logits) {
        if (logits.length == 0) {
            throw new IllegalArgumentException("no logits");
        }
        boolean anyFinite = false;
        for (float l : logits) {
            if (Float.isNaN(l) || l == Float.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("logits hold NaN or +infinity");
            }
            anyFinite |= l != Float.NEGATIVE_INFINITY;
        }
        if (!anyFinite) {
            throw new IllegalArgumentException("every logit is -infinity");
        }
    }

    @Override
    public String toString() {
        return "TokenSampler[temperature=" + temperature + ", topK=" + topK + ", topP=" + topP + "]";
    }
}
