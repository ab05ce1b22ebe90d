package io.genstream.app.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * An accepted request waiting for its model call, as kept in the changelogged pending store:
 * where it came from, its timestamp, and its original key and value bytes. Keeping the input
 * itself (not the in-memory futures) is what makes the buffer part of the exactly-once
 * transaction: after a crash or a rebalance the store is restored and the request is submitted
 * again.
 *
 * @param topic source topic
 * @param partition source partition
 * @param offset source offset (the store key)
 * @param timestamp the input record's timestamp, carried to the outputs
 * @param key original key bytes, or null
 * @param value original value bytes
 * @param modelId the model version chosen for it when it arrived ({@code name@version}), so that a
 *     restored request goes to the same version; null in entries written before versions were routed
 */
record PendingRequest(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
        String modelId) implements RecordMetadata {

    /** Format 2 adds the model version; format 1 entries (without it) still decode. */
    private static final byte FORMAT = 2;
    private static final byte FORMAT_WITHOUT_VERSION = 1;

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + value.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(topic);
            out.writeInt(partition);
            out.writeLong(offset);
            out.writeLong(timestamp);
            writeBytes(out, key);
            writeBytes(out, value);
            out.writeUTF(modelId == null ? "" : modelId);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return bytes.toByteArray();
    }

    static PendingRequest decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            byte format = in.readByte();
            if (format != FORMAT && format != FORMAT_WITHOUT_VERSION) {
                throw new IllegalStateException("pending-request format " + format + " is not " + FORMAT);
            }
            String topic = in.readUTF();
            int partition = in.readInt();
            long offset = in.readLong();
            long timestamp = in.readLong();
            byte[] key = readBytes(in, encoded.length);
            byte[] value = readBytes(in, encoded.length);
            String modelId = format == FORMAT ? in.readUTF() : "";
            return new PendingRequest(topic, partition, offset, timestamp, key, value,
                    modelId.isEmpty() ? null : modelId);
        } catch (IOException e) {
            throw new IllegalStateException("corrupt pending-request entry", e);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            out.write(bytes);
        }
    }

    private static byte[] readBytes(DataInputStream in, int bound) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length > bound) {
            throw new IOException("length " + length + " exceeds the entry");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
