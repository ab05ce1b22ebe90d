package io.genstream.models.train;

import io.genstream.models.data.DigitsDataset;

/** Plain statistics of sets of images (flat float arrays in [0, 1]) and of feature vectors, that the evaluators report. */
final class ImageStatistics {

    private ImageStatistics() {}

    /**
     * Mean L2 distance between images i and i+10, which share a class when labels are i mod 10:
     * diversity within a class (a collapsed generator drives it towards 0).
     */
    static double intraClassDistance(float[][] images) {
        double total = 0;
        int pairs = 0;
        for (int i = 0; i + DigitsDataset.NUM_CLASSES < images.length; i++) {
            total += Math.sqrt(squaredDistance(images[i], images[i + DigitsDataset.NUM_CLASSES]));
            pairs++;
        }
        return pairs == 0 ? 0 : total / pairs;
    }

    /** Mean pixel value: how much ink. */
    static double meanInk(float[][] images) {
        double total = 0;
        for (float[] image : images) {
            total += sum(image) / image.length;
        }
        return total / images.length;
    }

    /**
     * Mean L2 distance over all pairs of distinct vectors: the diversity in a feature
     * space (the exact mean over the n(n−1)/2 pairs, so it does not grow or shrink with n).
     */
    static double meanPairwiseDistance(float[][] vectors) {
        double total = 0;
        for (int i = 0; i < vectors.length; i++) {
            for (int j = i + 1; j < vectors.length; j++) {
                total += Math.sqrt(squaredDistance(vectors[i], vectors[j]));
            }
        }
        long pairs = (long) vectors.length * (vectors.length - 1) / 2;
        return pairs == 0 ? 0 : total / pairs;
    }

    static double squaredDistance(float[] a, float[] b) {
        double d = 0;
        for (int p = 0; p < a.length; p++) {
            double diff = a[p] - b[p];
            d += diff * diff;
        }
        return d;
    }

    static double sum(float[] values) {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }
}
