package io.genstream.models.train;

import java.util.LinkedHashMap;
import java.util.Map;

import io.genstream.models.data.DigitsDataset;
import io.genstream.models.export.Encoding;
import io.genstream.models.export.VaeModel;
import io.genstream.models.gan.LatentNoise;

/**
 * Quality figures of a digits-vae, computed only from what its SavedModel serves (encoder and
 * decoder outputs), so that any client can recompute them from the exported files:
 *
 * <ul>
 *   <li>on held-out digits, per image in nats: the ELBO {@code −(reconstruction + kl)}, the
 *       reconstruction binary cross-entropy of the image decoded from one posterior sample
 *       {@code z = μ + σ·ε} ({@code ε} = {@link LatentNoise#forSeed} of {@value #EPSILON_SEED_BASE}+i;
 *       decoded pixels clamped to [1e-7, 1 − 1e-7]), and the KL of the posterior from the
 *       N(0, I) prior, with their standard deviations over the images;
 *   <li>the nearest-class-mean accuracy (as in the digits-gan's evaluation) of real digits, of
 *       their reconstructions, and of as many generated ones (latent seeds {@value #NOISE_SEED_BASE}+i
 *       from the prior, labels i mod 10);
 *   <li>diversity and ink as for the GAN, and the number of active latent dimensions (posterior
 *       mean varying across images by more than 0.01): the ones the decoder uses.
 * </ul>
 */
public final class VaeEvaluator {

    static final long NOISE_SEED_BASE = 1_000_000L;
    static final long EPSILON_SEED_BASE = 2_000_000L;
    private static final double CLAMP = 1e-7;
    private static final double ACTIVE_VARIANCE = 0.01;
    private static final int CHUNK = 500;

    private final NearestClassMean classifier;

    /** @param training the training set, whose class means the accuracy figure uses */
    public VaeEvaluator(DigitsDataset training) {
        this.classifier = new NearestClassMean(training);
    }

    public Map<String, Object> evaluate(VaeModel model, DigitsDataset heldOut) {
        int n = heldOut.size();
        int dim = model.latentDim();
        HeldOutPass pass = new HeldOutPass(n, dim);
        for (int start = 0; start < n; start += CHUNK) {
            pass.run(model, heldOut, start, Math.min(CHUNK, n - start));
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("samples", n);
        figures.put("heldOutElbo", -mean(pass.reconstruction) - mean(pass.kl));
        figures.put("heldOutElboStd", std(sum(pass.reconstruction, pass.kl)));
        figures.put("heldOutReconstructionBce", mean(pass.reconstruction));
        figures.put("heldOutReconstructionBceStd", std(pass.reconstruction));
        figures.put("heldOutKl", mean(pass.kl));
        figures.put("heldOutKlStd", std(pass.kl));
        figures.put("activeLatentDimensions", pass.activeDimensions());
        figures.put("nearestClassMeanAccuracyReal", classifier.accuracy(pass.real, pass.labels));
        figures.put("nearestClassMeanAccuracyReconstructed", classifier.accuracy(pass.reconstructed, pass.labels));
        figures.put("nearestClassMeanAccuracyGenerated", classifier.accuracy(pass.generated, pass.labels));
        figures.put("meanIntraClassDistanceReal", ImageStatistics.intraClassDistance(pass.real));
        figures.put("meanIntraClassDistanceGenerated", ImageStatistics.intraClassDistance(pass.generated));
        figures.put("meanInkReal", ImageStatistics.meanInk(pass.real));
        figures.put("meanInkGenerated", ImageStatistics.meanInk(pass.generated));
        return figures;
    }

    /** Per-image results over the held-out set, filled chunk by chunk. */
    private static final class HeldOutPass {
        final float[][] real;
        final float[][] reconstructed;
        final float[][] generated;
        final int[] labels;
        final double[] reconstruction;
        final double[] kl;
        final double[] meanSum;
        final double[] meanSquareSum;

        HeldOutPass(int n, int dim) {
            real = new float[n][];
            reconstructed = new float[n][];
            generated = new float[n][];
            labels = new int[n];
            reconstruction = new double[n];
            kl = new double[n];
            meanSum = new double[dim];
            meanSquareSum = new double[dim];
        }

        void run(VaeModel model, DigitsDataset heldOut, int start, int count) {
            int pixels = DigitsDataset.PIXELS;
            int dim = model.latentDim();
            float[] images = new float[count * pixels];
            int[] y = new int[count];
            float[] prior = new float[count * dim];
            for (int k = 0; k < count; k++) {
                int i = start + k;
                labels[i] = heldOut.label(i);
                y[k] = labels[i];
                real[i] = heldOut.image(i);
                System.arraycopy(real[i], 0, images, k * pixels, pixels);
                System.arraycopy(LatentNoise.forSeed(NOISE_SEED_BASE + i, dim), 0, prior, k * dim, dim);
            }
            Encoding encoding = model.encode(images, y);
            float[] decoded = model.images(posteriorSamples(encoding, start, count, dim), y);
            float[] sampled = model.images(prior, y);
            for (int k = 0; k < count; k++) {
                int i = start + k;
                reconstructed[i] = slice(decoded, k, pixels);
                generated[i] = slice(sampled, k, pixels);
                reconstruction[i] = crossEntropy(real[i], reconstructed[i]);
                kl[i] = klFromPrior(encoding, k, dim);
                for (int d = 0; d < dim; d++) {
                    double m = encoding.mean()[k * dim + d];
                    meanSum[d] += m;
                    meanSquareSum[d] += m * m;
                }
            }
        }

        int activeDimensions() {
            int n = labels.length;
            int active = 0;
            for (int d = 0; d < meanSum.length; d++) {
                double mean = meanSum[d] / n;
                active += meanSquareSum[d] / n - mean * mean > ACTIVE_VARIANCE ? 1 : 0;
            }
            return active;
        }
    }

    /** {@code z = μ + σ·ε} for each row, with {@code ε} fixed by the image's index. */
    static float[] posteriorSamples(Encoding encoding, int start, int count, int dim) {
        float[] z = new float[count * dim];
        for (int k = 0; k < count; k++) {
            float[] epsilon = LatentNoise.forSeed(EPSILON_SEED_BASE + start + k, dim);
            for (int d = 0; d < dim; d++) {
                int j = k * dim + d;
                z[j] = (float) (encoding.mean()[j] + Math.exp(0.5 * encoding.logVariance()[j]) * epsilon[d]);
            }
        }
        return z;
    }

    /** Binary cross-entropy (nats) of an image under decoded Bernoulli means. */
    static double crossEntropy(float[] image, float[] decoded) {
        double total = 0;
        for (int p = 0; p < image.length; p++) {
            double q = Math.min(Math.max(decoded[p], CLAMP), 1 - CLAMP);
            total -= image[p] * Math.log(q) + (1 - image[p]) * Math.log(1 - q);
        }
        return total;
    }

    /** KL(N(μ, σ²) ‖ N(0, I)) of row {@code k}, nats. */
    static double klFromPrior(Encoding encoding, int k, int dim) {
        double total = 0;
        for (int d = 0; d < dim; d++) {
            double m = encoding.mean()[k * dim + d];
            double logVariance = encoding.logVariance()[k * dim + d];
            total += 0.5 * (m * m + Math.exp(logVariance) - 1 - logVariance);
        }
        return total;
    }

    private static float[] slice(float[] all, int index, int length) {
        float[] part = new float[length];
        System.arraycopy(all, index * length, part, 0, length);
        return part;
    }

    private static double[] sum(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    private static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }

    private static double std(double[] values) {
        double m = mean(values);
        double s = 0;
        for (double v : values) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / Math.max(1, values.length - 1));
    }
}
