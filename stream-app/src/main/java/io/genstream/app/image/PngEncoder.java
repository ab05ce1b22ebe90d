package io.genstream.app.image;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Encodes grey pixels in [0,1] as an 8-bit greyscale PNG. Deterministic: the JDK's PNG writer
 * adds no timestamp, so equal pixels give equal bytes.
 */
public final class PngEncoder {

    static {
        // Encode in memory only: the default cache writes a temporary file per image.
        ImageIO.setUseCache(false);
    }

    private PngEncoder() {}

    /**
     * @param pixels row-major, width × height values; values outside [0,1] are clamped
     */
    public static byte[] grey(float[] pixels, int width, int height) {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException(pixels.length + " pixels for a " + width + "x" + height + " image");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        int[] bytes = new int[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            float v = Float.isNaN(pixels[i]) ? 0f : Math.max(0f, Math.min(1f, pixels[i]));
            bytes[i] = Math.round(v * 255f);
        }
        raster.setPixels(0, 0, width, height, bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory: cannot happen
        }
        return out.toByteArray();
    }
}
