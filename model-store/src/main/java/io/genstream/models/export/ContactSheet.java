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
 * across all ten digits, and a wrong row or a collapsed style stands out at a glance. Below them,
 * optionally, interpolation strips: the frames of the spherical path between two seeds' latents
 * under one label, as a served interpolation request would produce them.
 */
public final class ContactSheet {

    public static final String FILE_NAME = "contact-sheet.png";

    /** One strip: {@code columns} frames from the latent of {@code fromSeed} to that of {@code toSeed}. */
    public record Interpolation(long fromSeed, long toSeed, int label) {}

    private ContactSheet() {}

    public static void write(LatentImageModel model, Path file, int columns, int scale) throws IOException {
        write(model, file, columns, scale, List.of());
    }

    public static void write(LatentImageModel model, Path file, int columns, int scale, List<Interpolation> strips)
            throws IOException {
        int latent = model.latentDim();
        int cells = (model.numClasses() + strips.size()) * columns;
        float[] noise = new float[cells * latent];
        int[] labels = new int[cells];
        int k = 0;
        for (int row = 0; row < model.numClasses(); row++) {
            for (int col = 0; col < columns; col++, k++) {
                labels[k] = row;
                System.arraycopy(LatentNoise.forSeed(col, latent), 0, noise, k * latent, latent);
            }
        }
        for (Interpolation strip : strips) {
            float[] from = LatentNoise.forSeed(strip.fromSeed(), latent);
            float[] to = LatentNoise.forSeed(strip.toSeed(), latent);
            for (int col = 0; col < columns; col++, k++) {
                labels[k] = strip.label();
                // The frame times of a served request with steps = columns.
                double t = columns == 1 ? 0 : (double) col / (columns - 1);
                System.arraycopy(LatentNoise.slerp(from, to, t), 0, noise, k * latent, latent);
            }
        }
        float[] all = model.images(noise, labels);
        int pixels = all.length / cells;
        List<float[]> images = new ArrayList<>();
        for (int i = 0; i < cells; i++) {
            float[] image = new float[pixels];
            System.arraycopy(all, i * pixels, image, 0, pixels);
            images.add(image);
        }
        ImageGrid.writePng(file, images, columns, scale);
    }
}
