package io.genstream.app.quality;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The bytes of a {@link QualityWindow} in the windowed state store and its changelog (a format byte first, so it
 * can change): the model, the count, the score sums, then the samples.
 */
public final class QualityWindowCodec {

    private static final byte FORMAT = 1;

    private QualityWindowCodec() {
    }

    public static byte[] encode(QualityWindow window) {
        int featureBytes = window.features.isEmpty() ? 0
                : window.features.size() * (Integer.BYTES + Float.BYTES * window.features.get(0).length);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + featureBytes + 128 * window.texts.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(window.modelName);
            out.writeUTF(window.modelVersion);
            out.writeLong(window.count);
            out.writeInt(window.scores.size());
            for (Map.Entry<String, QualityWindow.ScoreSum> score : window.scores.entrySet()) {
                out.writeUTF(score.getKey());
                out.writeDouble(score.getValue().sum);
                out.writeLong(score.getValue().count);
            }
            out.writeInt(window.features.size());
            for (float[] vector : window.features) {
                WindowCodecs.writeFloats(out, vector);
            }
            out.writeInt(window.texts.size());
            for (String text : window.texts) {
                out.writeUTF(text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a window of this format */
    public static QualityWindow decode(byte[] encoded) {
        QualityWindow window = new QualityWindow();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            WindowCodecs.requireFormat(in, FORMAT, "quality window");
            window.modelName = in.readUTF();
            window.modelVersion = in.readUTF();
            window.count = in.readLong();
            int scores = WindowCodecs.readCount(in, encoded.length);
            for (int i = 0; i < scores; i++) {
                window.scores.put(in.readUTF(), new QualityWindow.ScoreSum(in.readDouble(), in.readLong()));
            }
            int vectors = WindowCodecs.readCount(in, encoded.length);
            for (int i = 0; i < vectors; i++) {
                float[] vector = WindowCodecs.readFloats(in, encoded.length);
                if (vector == null) {
                    throw new IOException("missing feature vector " + i);
                }
                window.features.add(vector);
            }
            int texts = WindowCodecs.readCount(in, encoded.length);
            for (int i = 0; i < texts; i++) {
                window.texts.add(in.readUTF());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt quality window", e);
        }
        return window;
    }
}
