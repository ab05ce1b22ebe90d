package io.genstream.app.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Encodes grey pixels in [0,1] as an 8-bit greyscale PNG (colour type 0, no interlace, filter 0
 * on every row), written directly: signature, IHDR, one IDAT, IEND.
 *
 * <p>Why not ImageIO: it builds an image, a raster, a writer and a deflater per call, about 5×
 * the cost, and image encoding runs on the stream thread for every item. Deterministic: the same
 * pixels always give the same bytes (fixed deflate level, no timestamps or optional chunks).
 *
 * <p>Deflate runs at its fastest level: on a 28×28 digit it costs about a third less time than the
 * default level for about 3% more bytes, and every item pays it on the stream thread.
 */
public final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final ThreadLocal<Deflater> DEFLATER =
            ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));

    private PngEncoder() {}

    /**
     * @param pixels row-major, width × height values; values outside [0,1] are clamped, NaN is black
     */
    public static byte[] grey(float[] pixels, int width, int height) {
        if (width <= 0 || height <= 0 || pixels.length != width * height) {
            throw new IllegalArgumentException(pixels.length + " pixels for a " + width + "x" + height + " image");
        }
        byte[] raw = new byte[height * (width + 1)];
        for (int y = 0; y < height; y++) {
            int row = y * (width + 1); // raw[row] = 0: filter type None
            for (int x = 0; x < width; x++) {
                float v = pixels[y * width + x];
                v = Float.isNaN(v) ? 0f : Math.max(0f, Math.min(1f, v));
                raw[row + 1 + x] = (byte) Math.round(v * 255f);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
        out.writeBytes(SIGNATURE);
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8) // bit depth
                .put((byte) 0) // colour type: greyscale
                .put((byte) 0).put((byte) 0).put((byte) 0); // compression, filter, interlace
        chunk(out, "IHDR", header.array());
        chunk(out, "IDAT", deflate(raw));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = DEFLATER.get();
        deflater.reset();
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 16);
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
