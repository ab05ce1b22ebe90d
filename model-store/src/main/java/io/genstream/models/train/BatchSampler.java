package io.genstream.models.train;

import java.util.Random;

import io.genstream.models.data.DigitsDataset;

/**
 * Seeded mini-batches: real images in epoch order (a Fisher–Yates shuffle per epoch), and noise
 * (with labels, for a generator). {@link Random} is used because the Java specification fixes its
 * algorithms, {@code nextGaussian} included, so a seed means the same numbers on every JVM.
 */
final class BatchSampler {

    private final DigitsDataset data;
    private final int batchSize;
    private final int latentDim;
    private final int numClasses;
    private final Random orderRng;
    private final Random noiseRng;
    private final int[] order;
    private int cursor;

    BatchSampler(DigitsDataset data, int batchSize, int latentDim, int numClasses, long seed) {
        this.data = data;
        this.batchSize = batchSize;
        this.latentDim = latentDim;
        this.numClasses = numClasses;
        this.orderRng = new Random(seed * 0x5DEECE66DL + 1);
        this.noiseRng = new Random(seed * 0x5DEECE66DL + 2);
        this.order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        this.cursor = order.length;
    }

    /** Fills {@code images} ({@code batchSize × 784}) and {@code labels} with the next real batch. */
    void nextReal(float[] images, int[] labels) {
        for (int b = 0; b < batchSize; b++) {
            if (cursor == order.length) {
                shuffle();
                cursor = 0;
            }
            int index = order[cursor++];
            data.copyImage(index, images, b * DigitsDataset.PIXELS);
            labels[b] = data.label(index);
        }
    }

    /** Fills {@code noise} ({@code batchSize × latentDim}) with N(0, 1) and {@code labels} uniformly. */
    void nextFake(float[] noise, int[] labels) {
        nextNoise(noise);
        for (int b = 0; b < batchSize; b++) {
            labels[b] = noiseRng.nextInt(numClasses);
        }
    }

    /** Fills {@code noise} ({@code batchSize × latentDim}) with N(0, 1): a VAE's reparameterisation noise. */
    void nextNoise(float[] noise) {
        for (int i = 0; i < batchSize * latentDim; i++) {
            noise[i] = (float) noiseRng.nextGaussian();
        }
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = orderRng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
