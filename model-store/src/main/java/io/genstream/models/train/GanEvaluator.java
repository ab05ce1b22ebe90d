package io.genstream.models.train;

import java.util.LinkedHashMap;
import java.util.Map;

import io.genstream.models.data.DigitsDataset;
import io.genstream.models.export.GanInferenceModel;
import io.genstream.models.export.GeneratedBatch;
import io.genstream.models.gan.LatentNoise;

/**
 * Quality figures that need no separate classifier, measured on held-out real digits and on as
 * many generated ones (noise seeds {@value #NOISE_SEED_BASE}+i, labels i mod 10):
 *
 * <ul>
 *   <li>mean D score ({@code realism}) of real, generated, and real-with-a-wrong-label images:
 *       the last shows whether D (and so the per-item realism score) checks the label at all;
 *   <li>nearest-class-mean accuracy: an image counts as its label if it is closer (L2) to that
 *       class's mean training image than to any other. Crude, so the real figure is the
 *       reference the generated one should approach;
 *   <li>mean L2 distance between two images of the same class (diversity; a collapsed generator
 *       drives it towards 0), and mean ink (pixel mean).
 * </ul>
 */
public final class GanEvaluator {

    static final long NOISE_SEED_BASE = 1_000_000L;
    private static final int CHUNK = 500;

    private final NearestClassMean classifier;

    /** @param training the training set, whose class means the accuracy figure uses */
    public GanEvaluator(DigitsDataset training) {
        this.classifier = new NearestClassMean(training);
    }

    public Map<String, Object> evaluate(GanInferenceModel model, DigitsDataset heldOut) {
        int n = heldOut.size();
        int pixels = DigitsDataset.PIXELS;
        float[][] real = new float[n][];
        float[][] generated = new float[n][];
        int[] labels = new int[n];
        double realRealism = 0;
        double wrongLabelRealism = 0;
        double generatedRealism = 0;
        for (int start = 0; start < n; start += CHUNK) {
            int count = Math.min(CHUNK, n - start);
            float[] images = new float[count * pixels];
            float[] noise = new float[count * model.architecture().latentDim()];
            int[] y = new int[count];
            int[] wrong = new int[count];
            for (int k = 0; k < count; k++) {
                int i = start + k;
                labels[i] = heldOut.label(i);
                y[k] = labels[i];
                wrong[k] = (labels[i] + 1) % DigitsDataset.NUM_CLASSES;
                real[i] = heldOut.image(i);
                System.arraycopy(real[i], 0, images, k * pixels, pixels);
                float[] z = LatentNoise.forSeed(NOISE_SEED_BASE + i, model.architecture().latentDim());
                System.arraycopy(z, 0, noise, k * z.length, z.length);
            }
            realRealism += ImageStatistics.sum(model.discriminate(images, y));
            wrongLabelRealism += ImageStatistics.sum(model.discriminate(images, wrong));
            GeneratedBatch batch = model.generate(noise, y);
            generatedRealism += ImageStatistics.sum(batch.realism());
            for (int k = 0; k < count; k++) {
                generated[start + k] = batch.image(k);
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("samples", n);
        figures.put("meanRealismReal", realRealism / n);
        figures.put("meanRealismGenerated", generatedRealism / n);
        figures.put("meanRealismRealWrongLabel", wrongLabelRealism / n);
        figures.put("nearestClassMeanAccuracyReal", classifier.accuracy(real, labels));
        figures.put("nearestClassMeanAccuracyGenerated", classifier.accuracy(generated, labels));
        figures.put("meanIntraClassDistanceReal", ImageStatistics.intraClassDistance(real));
        figures.put("meanIntraClassDistanceGenerated", ImageStatistics.intraClassDistance(generated));
        figures.put("meanInkReal", ImageStatistics.meanInk(real));
        figures.put("meanInkGenerated", ImageStatistics.meanInk(generated));
        return figures;
    }
}
