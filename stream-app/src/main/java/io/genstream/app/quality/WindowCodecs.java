package io.genstream.app.quality;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/** Pieces of the internal binary formats of windowed quality, with the bounds checks a corrupt entry needs. */
final class WindowCodecs {

    private WindowCodecs() {
    }

    static void requireFormat(DataInputStream in, byte expected, String what) throws IOException {
        byte format = in.readByte();
        if (format != expected) {
            throw new IOException(what + " format " + format + " is not " + expected);
        }
    }

    /** A count of entries that follow, each at least one byte: never more than the bytes there are. */
    static int readCount(DataInputStream in, int bound) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > bound) {
            throw new IOException("count " + count + " does not fit an entry of " + bound + " bytes");
        }
        return count;
    }

    /** A float vector, or null, as its length (-1 for null) and its components. */
    static void writeFloats(DataOutputStream out, float[] vector) throws IOException {
        out.writeInt(vector == null ? -1 : vector.length);
        if (vector != null) {
            // In bulk, big-endian as DataOutputStream.writeFloat would: a window's state is encoded on
            // every item it takes, so a float at a time would cost the stream thread dearly.
            byte[] bytes = new byte[vector.length * Float.BYTES];
            ByteBuffer.wrap(bytes).asFloatBuffer().put(vector);
            out.write(bytes);
        }
    }

    static float[] readFloats(DataInputStream in, int bound) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length > bound / Float.BYTES) {
            throw new IOException("vector of " + length + " does not fit an entry of " + bound + " bytes");
        }
        byte[] bytes = new byte[length * Float.BYTES];
        in.readFully(bytes);
        float[] vector = new float[length];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(vector);
        return vector;
    }
}
