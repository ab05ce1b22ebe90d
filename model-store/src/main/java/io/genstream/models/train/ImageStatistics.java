package io.genstream.models.train;

import io.genstream.models.data.DigitsDataset;

/** Plain statistics of sets of images (flat float arrays in [0, 1]) that the evaluators report. */
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
