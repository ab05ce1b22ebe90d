package io.genstream.models.train;

import io.genstream.models.stats.FrechetDistance;

import static io.genstream.models.train.ManifestSections.round;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.genstream.models.data.DigitsDataset;
import io.genstream.models.export.Classification;
import io.genstream.models.export.ImageClassifier;
import io.genstream.models.export.LatentImageModel;
import io.genstream.models.gan.LatentNoise;

/**
 * The digits-eval figures, computed only from what its SavedModel serves (probabilities and
 * features), so that any client can recompute them from the exported files:
 *
 * <ul>
 *   <li>on held-out digits: accuracy, mean confidence (probability of the predicted class),
 *       the confusion matrix, and the reference statistics of their features;
 *   <li>on a sample of images (real ones from an independent set, or a generator's: latent
 *       {@link LatentNoise#forSeed} of i, label i mod 10): class accuracy against the labels,
 *       mean confidence, the Fréchet distance of their features from the reference (on the whole
 *       sample and on its first {@link #SMALLER_SAMPLES} images: the distance is biased upwards
 *       by the sampling noise of a small sample's covariance, so a window compares only with the
 *       same sample size), and diversity (mean pairwise feature distance).
 * </ul>
 */
public final class ClassifierEvaluator {

    static final int[] SMALLER_SAMPLES = {250, 500};
    private static final int CHUNK = 500;

    private final ImageClassifier model;

    public ClassifierEvaluator(ImageClassifier model) {
        this.model = model;
    }

    /** The classifier's outputs for a set of images, one row per image. */
    record Outputs(int[] predicted, double[] confidence, float[][] features) {}

    Outputs classify(float[][] images) {
        int n = images.length;
        Outputs out = new Outputs(new int[n], new double[n], new float[n][]);
        int pixels = DigitsDataset.PIXELS;
        for (int start = 0; start < n; start += CHUNK) {
            int count = Math.min(CHUNK, n - start);
            float[] batch = new float[count * pixels];
            for (int k = 0; k < count; k++) {
                System.arraycopy(images[start + k], 0, batch, k * pixels, pixels);
            }
            Classification c = model.classify(batch);
            for (int k = 0; k < count; k++) {
                out.predicted[start + k] = c.predictedClass(k);
                out.confidence[start + k] = c.confidence(k);
                out.features[start + k] = c.features(k);
            }
        }
        return out;
    }

    /** The held-out figures, and the statistics of the held-out digits' features: the reference. */
    record HeldOut(Map<String, Object> figures, FeatureGaussian reference) {}

    HeldOut heldOut(DigitsDataset heldOut) {
        float[][] images = imagesOf(heldOut);
        int[] labels = labelsOf(heldOut);
        Outputs out = classify(images);
        int[][] confusion = new int[model.numClasses()][model.numClasses()];
        for (int i = 0; i < labels.length; i++) {
            confusion[labels[i]][out.predicted[i]]++;
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("heldOutSamples", labels.length);
        figures.put("heldOutAccuracy", accuracy(out.predicted, labels));
        figures.put("heldOutMeanConfidence", mean(out.confidence));
        figures.put("heldOutConfusion", confusion);
        return new HeldOut(figures, FeatureGaussian.of(out.features));
    }

    /** The figures of a sample of images with the labels they should have, against the reference. */
    Map<String, Object> sample(float[][] images, int[] labels, FeatureGaussian reference) {
        Outputs out = classify(images);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("samples", labels.length);
        figures.put("classAccuracy", round(accuracy(out.predicted, labels)));
        figures.put("meanConfidence", round(mean(out.confidence)));
        figures.put("frechetDistance", round(FrechetDistance.between(FeatureGaussian.of(out.features).toStats(), reference.toStats())));
        Map<String, Object> bySize = new LinkedHashMap<>();
        for (int size : SMALLER_SAMPLES) {
            if (size < labels.length) {
                float[][] first = Arrays.copyOf(out.features, size);
                bySize.put(String.valueOf(size), round(FrechetDistance.between(FeatureGaussian.of(first).toStats(), reference.toStats())));
            }
        }
        figures.put("frechetDistanceOfFirst", bySize);
        figures.put("diversity", round(ImageStatistics.meanPairwiseDistance(out.features)));
        return figures;
    }

    /** {@code count} images of {@code generator}: latent {@link LatentNoise#forSeed} of i, label i mod 10. */
    static float[][] generated(LatentImageModel generator, int count) {
        int dim = generator.latentDim();
        int pixels = DigitsDataset.PIXELS;
        float[][] images = new float[count][];
        for (int start = 0; start < count; start += CHUNK) {
            int n = Math.min(CHUNK, count - start);
            float[] latents = new float[n * dim];
            int[] labels = new int[n];
            for (int k = 0; k < n; k++) {
                System.arraycopy(LatentNoise.forSeed(start + k, dim), 0, latents, k * dim, dim);
                labels[k] = (start + k) % DigitsDataset.NUM_CLASSES;
            }
            float[] all = generator.images(latents, labels);
            for (int k = 0; k < n; k++) {
                images[start + k] = Arrays.copyOfRange(all, k * pixels, (k + 1) * pixels);
            }
        }
        return images;
    }

    /** The labels a generated sample of {@code count} was asked for: i mod 10. */
    static int[] generatedLabels(int count) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % DigitsDataset.NUM_CLASSES;
        }
        return labels;
    }

    static float[][] imagesOf(DigitsDataset data) {
        float[][] images = new float[data.size()][];
        for (int i = 0; i < images.length; i++) {
            images[i] = data.image(i);
        }
        return images;
    }

    static int[] labelsOf(DigitsDataset data) {
        int[] labels = new int[data.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data.label(i);
        }
        return labels;
    }

    private static double accuracy(int[] predicted, int[] labels) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += predicted[i] == labels[i] ? 1 : 0;
        }
        return (double) correct / labels.length;
    }

    private static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }
}
