package io.genstream.models.export;

/**
 * Generator output for a batch: {@code images} row-major {@code [count × 28 × 28]} in [0, 1] and
 * one realism score per image.
 */
public record GeneratedBatch(float[] images, float[] realism) {

    public int count() {
        return realism.length;
    }

    /** Image {@code index} as its own array. */
    public float[] image(int index) {
        int pixels = images.length / realism.length;
        float[] image = new float[pixels];
        System.arraycopy(images, index * pixels, image, 0, pixels);
        return image;
    }
}
