package io.genstream.models.train;

import io.genstream.models.data.DigitsDataset;

/**
 * A classifier with no training of its own: an image is the class whose mean training image is
 * nearest (L2). Crude, so its accuracy on real held-out digits is the reference that a
 * generator's figure is read against; but it needs no other model, and it tells a wrong or
 * shapeless class at once.
 */
public final class NearestClassMean {

    private final float[][] classMeans;

    /** @param training the data set whose class means are the prototypes */
    public NearestClassMean(DigitsDataset training) {
        this.classMeans = training.classMeans();
    }

    public int classify(float[] image) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int c = 0; c < classMeans.length; c++) {
            double d = ImageStatistics.squaredDistance(image, classMeans[c]);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    /** The fraction of {@code images} classified as their {@code labels}. */
    public double accuracy(float[][] images, int[] labels) {
        int correct = 0;
        for (int i = 0; i < images.length; i++) {
            correct += classify(images[i]) == labels[i] ? 1 : 0;
        }
        return (double) correct / images.length;
    }
}
