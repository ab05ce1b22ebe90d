package io.genstream.app.quality;

import io.genstream.avro.ContentKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bytes of a {@link QualityObservation} on the internal repartition topic that brings every item of one model
 * version to one task. A compact format of its own (a format byte first, so it can change), not Avro: the records
 * never leave the application, and the feature vectors would cost twice as much as Avro doubles.
 */
public final class QualityObservationCodec {

    private static final byte FORMAT = 1;

    private QualityObservationCodec() {
    }

    public static byte[] encode(QualityObservation observation) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(observation.modelName());
            out.writeUTF(observation.modelVersion());
            out.writeByte(observation.kind().ordinal());
            out.writeLong(observation.createdAt());
            out.writeInt(observation.scores().size());
            for (Map.Entry<String, Double> score : observation.scores().entrySet()) {
                out.writeUTF(score.getKey());
                out.writeDouble(score.getValue());
            }
            out.writeBoolean(observation.text() != null);
            if (observation.text() != null) {
                out.writeUTF(observation.text());
            }
            WindowCodecs.writeFloats(out, observation.features());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not an observation of this format */
    public static QualityObservation decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            WindowCodecs.requireFormat(in, FORMAT, "quality observation");
            String name = in.readUTF();
            String version = in.readUTF();
            ContentKind kind = kind(in.readUnsignedByte());
            long createdAt = in.readLong();
            int scoreCount = WindowCodecs.readCount(in, encoded.length);
            Map<String, Double> scores = new LinkedHashMap<>();
            for (int i = 0; i < scoreCount; i++) {
                scores.put(in.readUTF(), in.readDouble());
            }
            String text = in.readBoolean() ? in.readUTF() : null;
            float[] features = WindowCodecs.readFloats(in, encoded.length);
            return new QualityObservation(name, version, kind, createdAt, scores, text, features);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt quality observation", e);
        }
    }

    private static ContentKind kind(int ordinal) throws IOException {
        if (ordinal >= ContentKind.values().length) {
            throw new IOException("unknown content kind " + ordinal);
        }
        return ContentKind.values()[ordinal];
    }
}
