package io.genstream.models.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.IntStream;

/**
 * The {@code digits} data set: {@code count} images of 28×28 floats in [0, 1] with their labels.
 *
 * <p>Image {@code i} shows digit {@code i % 10} (so classes are balanced and interleaved) and is
 * drawn from its own random stream, derived from {@code (seed, i)} alone. That makes a data set
 * reproducible bit for bit, lets it be generated in parallel, and makes the first {@code n}
 * images of a larger set equal to the set of size {@code n}.
 */
public final class DigitsDataset {

    public static final int NUM_CLASSES = DigitGlyphs.NUM_CLASSES;
    public static final int IMAGE_SIZE = DigitRenderer.SIZE;
    public static final int PIXELS = DigitRenderer.PIXELS;

    private final long seed;
    private final float[][] images;
    private final int[] labels;

    private DigitsDataset(long seed, float[][] images, int[] labels) {
        this.seed = seed;
        this.images = images;
        this.labels = labels;
    }

    /** Generates {@code count} digits from {@code seed}. */
    public static DigitsDataset generate(long seed, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be ≥ 0, was " + count);
        }
        DigitRenderer renderer = new DigitRenderer();
        int[] labels = new int[count];
        float[][] images = new float[count][];
        IntStream.range(0, count).parallel().forEach(i -> {
            labels[i] = i % NUM_CLASSES;
            images[i] = renderer.render(labels[i], imageSeed(seed, i));
        });
        return new DigitsDataset(seed, images, labels);
    }

    /** The seed of image {@code index}: a SplitMix64 finaliser, so neighbours are unrelated. */
    static long imageSeed(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long seed() {
        return seed;
    }

    public int size() {
        return labels.length;
    }

    public int label(int index) {
        return labels[index];
    }

    /** A copy of image {@code index}, row-major. */
    public float[] image(int index) {
        return images[index].clone();
    }

    /** Copies image {@code index} into {@code target} at {@code offset}: batching without garbage. */
    public void copyImage(int index, float[] target, int offset) {
        System.arraycopy(images[index], 0, target, offset, PIXELS);
    }

    /** The mean image of each class, {@code [NUM_CLASSES][PIXELS]}. */
    public float[][] classMeans() {
        double[][] sums = new double[NUM_CLASSES][PIXELS];
        int[] counts = new int[NUM_CLASSES];
        for (int i = 0; i < size(); i++) {
            counts[labels[i]]++;
            for (int p = 0; p < PIXELS; p++) {
                sums[labels[i]][p] += images[i][p];
            }
        }
        float[][] means = new float[NUM_CLASSES][PIXELS];
        for (int c = 0; c < NUM_CLASSES; c++) {
            for (int p = 0; p < PIXELS; p++) {
                means[c][p] = counts[c] == 0 ? 0 : (float) (sums[c][p] / counts[c]);
            }
        }
        return means;
    }

    /** SHA-256 of the labels and the images' float bits: a fingerprint to record with a model. */
    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate(4 + PIXELS * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < size(); i++) {
                buffer.clear();
                buffer.putInt(labels[i]);
                buffer.asFloatBuffer().put(images[i]);
                digest.update(buffer.array());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
