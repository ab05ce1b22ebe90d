package io.genstream.models.data;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes square grey images (values in [0, 1], row-major) as one PNG grid, enlarged by an integer
 * factor with a dark-grey gutter between cells, so a person can look at a data set or at a
 * model's samples row by row.
 */
public final class ImageGrid {

    private static final int GUTTER = 2;
    private static final int GUTTER_GREY = 64;

    private ImageGrid() {}

    /**
     * @param images equally sized square images, filled into the grid row by row
     * @param columns cells per row
     * @param scale pixel enlargement factor, ≥ 1
     */
    public static void writePng(Path file, List<float[]> images, int columns, int scale) throws IOException {
        if (images.isEmpty() || columns < 1 || scale < 1) {
            throw new IllegalArgumentException("need images, columns ≥ 1 and scale ≥ 1");
        }
        int side = (int) Math.round(Math.sqrt(images.get(0).length));
        if (side * side != images.get(0).length) {
            throw new IllegalArgumentException("images must be square, got " + images.get(0).length + " pixels");
        }
        int rows = (images.size() + columns - 1) / columns;
        int cell = side * scale + GUTTER;
        BufferedImage png =
                new BufferedImage(columns * cell + GUTTER, rows * cell + GUTTER, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = png.getRaster();
        fill(raster, GUTTER_GREY);
        for (int k = 0; k < images.size(); k++) {
            float[] image = images.get(k);
            int left = GUTTER + (k % columns) * cell;
            int top = GUTTER + (k / columns) * cell;
            for (int y = 0; y < side * scale; y++) {
                for (int x = 0; x < side * scale; x++) {
                    raster.setSample(left + x, top + y, 0, toByte(image[(y / scale) * side + x / scale]));
                }
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(png, "png", file.toFile())) {
            throw new IOException("no PNG writer in this Java runtime");
        }
    }

    private static void fill(WritableRaster raster, int grey) {
        for (int y = 0; y < raster.getHeight(); y++) {
            for (int x = 0; x < raster.getWidth(); x++) {
                raster.setSample(x, y, 0, grey);
            }
        }
    }

    private static int toByte(float value) {
        return Math.round(Math.max(0f, Math.min(1f, value)) * 255f);
    }
}
