package io.genstream.models.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.genstream.models.data.ImageGrid;
import io.genstream.models.gan.LatentNoise;

/**
 * A picture of what a generator draws: one row per class (0 at the top), one column per noise
 * seed 0..n−1. The same seed runs down a column, so a column shows one "handwriting style"
 * across all ten digits, and a wrong row or a collapsed style stands out at a glance.
 */
public final class ContactSheet {

    public static final String FILE_NAME = "contact-sheet.png";

    private ContactSheet() {}

    public static void write(GanInferenceModel model, Path file, int columns, int scale) throws IOException {
        int classes = model.architecture().numClasses();
        int latent = model.architecture().latentDim();
        float[] noise = new float[classes * columns * latent];
        int[] labels = new int[classes * columns];
        for (int row = 0; row < classes; row++) {
            for (int col = 0; col < columns; col++) {
                int k = row * columns + col;
                labels[k] = row;
                System.arraycopy(LatentNoise.forSeed(col, latent), 0, noise, k * latent, latent);
            }
        }
        GeneratedBatch batch = model.generate(noise, labels);
        List<float[]> images = new ArrayList<>();
        for (int k = 0; k < batch.count(); k++) {
            images.add(batch.image(k));
        }
        ImageGrid.writePng(file, images, columns, scale);
    }
}
