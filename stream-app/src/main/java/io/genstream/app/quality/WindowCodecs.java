package io.genstream.app.quality;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

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
            for (float x : vector) {
                out.writeFloat(x);
            }
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
        float[] vector = new float[length];
        for (int i = 0; i < length; i++) {
            vector[i] = in.readFloat();
        }
        return vector;
    }
}
