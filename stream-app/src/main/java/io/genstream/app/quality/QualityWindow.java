package io.genstream.app.quality;

import io.genstream.models.stats.FrechetDistance;
import io.genstream.models.stats.GaussianStats;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The quality of one model version over one time window, as items arrive: how many, the running sum of every
 * per-item score, and bounded samples for the figures that need the items themselves — the first
 * {@code maxFeatures} image feature vectors and the first {@code maxTexts} texts, by arrival (deterministic for
 * a given input order). Nothing in it grows with the window's traffic beyond those caps.
 *
 * <p>{@link #metrics} turns it into the report's map:
 * <ul>
 *   <li>{@value #MEAN_PREFIX}{@code <score>}: the mean of every per-item score over the items that carry it
 *       (e.g. {@code mean.realism}, {@code mean.meanLogProb}, {@code mean.distinct2});
 *   <li>text: {@value #GRAMMAR_VALID}, the share of grammatical texts (the mean of the per-item score, under the
 *       name the canary gate reads); {@value #DISTINCT_2}, {@link DistinctN} over the text sample pooled;
 *       {@value #SELF_BLEU}, {@link SelfBleu} on at most {@value #SELF_BLEU_SAMPLE} of them;
 *   <li>image features: {@value #DIVERSITY}, the mean pairwise distance of the feature sample ({@link Diversity});
 *       {@value #FRECHET_DISTANCE}, {@link FrechetDistance} of the sample's Gaussian to the reference statistics.
 * </ul>
 * A figure that cannot be computed (too few items, no reference) is left out, never reported as NaN.
 *
 * <p>Not thread-safe: one window, one owner. {@link QualityWindowCodec} gives its bytes for the state store.
 */
public final class QualityWindow {

    public static final String MEAN_PREFIX = "mean.";
    public static final String GRAMMAR_VALID = "grammarValid";
    public static final String DISTINCT_2 = "distinct2";
    public static final String SELF_BLEU = "selfBleu";
    public static final String DIVERSITY = "diversity";
    public static final String FRECHET_DISTANCE = "frechetDistance";

    /** Most texts self-BLEU compares (it costs a pass over the others per text). */
    public static final int SELF_BLEU_SAMPLE = 64;
    /** Most distinct score names kept per window: bounds the state and the gauges' tags. */
    public static final int MAX_SCORES = 32;
    /** Largest feature vector kept (digits-eval's are 64). */
    public static final int MAX_FEATURE_DIMENSION = 2048;

    /** Running sum of one score and how many items carried it. */
    static final class ScoreSum {
        double sum;
        long count;

        ScoreSum(double sum, long count) {
            this.sum = sum;
            this.count = count;
        }
    }

    String modelName = "";
    String modelVersion = "";
    long count;
    final Map<String, ScoreSum> scores = new TreeMap<>();
    final List<float[]> features = new ArrayList<>();
    final List<String> texts = new ArrayList<>();

    /** Adds one item; its features and text enter the samples while they have room. */
    public QualityWindow add(QualityObservation item, int maxFeatures, int maxTexts) {
        if (count == 0) {
            modelName = item.modelName();
            modelVersion = item.modelVersion();
        }
        count++;
        item.scores().forEach((name, value) -> {
            // A NaN or infinite score would poison the mean for the whole window: leave it out.
            if (value != null && Double.isFinite(value) && (scores.containsKey(name) || scores.size() < MAX_SCORES)) {
                ScoreSum sum = scores.computeIfAbsent(name, n -> new ScoreSum(0, 0));
                sum.sum += value;
                sum.count++;
            }
        });
        item.optionalText().filter(t -> texts.size() < maxTexts).ifPresent(texts::add);
        item.optionalFeatures().filter(f -> features.size() < maxFeatures
                && fits(f, features.isEmpty() ? 0 : features.get(0).length)).ifPresent(features::add);
        return this;
    }

    /**
     * Replaces the samples with ones kept elsewhere (a store that takes an item's features and text only while its
     * window's sample has room, so the window itself need not carry them through every item).
     */
    public QualityWindow withSamples(List<float[]> sampledFeatures, List<String> sampledTexts) {
        features.clear();
        features.addAll(sampledFeatures);
        texts.clear();
        texts.addAll(sampledTexts);
        return this;
    }

    /**
     * Whether a feature vector may join a sample: bounded, all finite, and of the sample's dimension ({@code
     * dimension}, the first vector's length; 0 while the sample is empty).
     */
    public static boolean fits(float[] vector, int dimension) {
        if (vector.length == 0 || vector.length > MAX_FEATURE_DIMENSION || (dimension > 0 && vector.length != dimension)) {
            return false;
        }
        for (float x : vector) {
            if (!Float.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    public String modelName() {
        return modelName;
    }

    public String modelVersion() {
        return modelVersion;
    }

    /** Items in the window (all of them, not only those sampled). */
    public long count() {
        return count;
    }

    /** How many feature vectors and texts the samples hold. */
    public int sampledFeatures() {
        return features.size();
    }

    public int sampledTexts() {
        return texts.size();
    }

    /**
     * The window's figures, by name (sorted).
     *
     * @param reference the reference statistics of the feature space, if the model has them
     * @param seed the seed of self-BLEU's sample (the caller uses the window start, so a window always gives
     *     the same figures)
     */
    public Map<String, Double> metrics(Optional<GaussianStats> reference, long seed) {
        Map<String, Double> metrics = new TreeMap<>();
        scores.forEach((name, sum) -> metrics.put(MEAN_PREFIX + name, sum.sum / sum.count));
        ScoreSum grammar = scores.get(GRAMMAR_VALID);
        if (grammar != null) {
            metrics.put(GRAMMAR_VALID, grammar.sum / grammar.count);
        }
        if (!texts.isEmpty()) {
            metrics.put(DISTINCT_2, DistinctN.ofTexts(texts, 2));
            put(metrics, SELF_BLEU, SelfBleu.of(texts, SELF_BLEU_SAMPLE, seed));
        }
        if (features.size() >= 2) {
            double[][] vectors = features.stream().map(QualityWindow::widen).toArray(double[][]::new);
            put(metrics, DIVERSITY, Diversity.meanPairwiseDistance(vectors));
            reference.filter(r -> r.dimension() == vectors[0].length).ifPresent(
                    r -> metrics.put(FRECHET_DISTANCE, FrechetDistance.between(GaussianStats.of(vectors), r)));
        }
        return Collections.unmodifiableMap(metrics);
    }

    private static void put(Map<String, Double> metrics, String name, OptionalDouble value) {
        value.ifPresent(v -> metrics.put(name, v));
    }

    private static double[] widen(float[] vector) {
        double[] wide = new double[vector.length];
        for (int i = 0; i < vector.length; i++) {
            wide[i] = vector[i];
        }
        return wide;
    }
}
