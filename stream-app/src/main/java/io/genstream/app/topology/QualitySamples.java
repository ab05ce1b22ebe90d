package io.genstream.app.topology;

import io.genstream.app.quality.QualityObservation;
import io.genstream.app.quality.QualityWindow;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The bounded samples of windowed quality (the first image feature vectors and texts of each model version's
 * window, by arrival), kept in a changelogged store of their own, one entry per sampled item plus a small header per
 * window. An item costs a read of its window's header; only the items that join a sample are written. The window
 * aggregate itself then holds counts and sums alone, instead of re-encoding every sampled vector for every item.
 *
 * <p>Keys: {@code <model@version>|<window start>|h} (header: dimension, features, texts), {@code …|f|<i>} (feature
 * vector i, big-endian floats) and {@code …|t|<i>} (text i, UTF-8).
 */
final class QualitySamples {

    /** What a window's sample holds: the first feature vector's length (0 = none yet) and the counts. */
    private record Header(int dimension, int features, int texts) {

        static final Header EMPTY = new Header(0, 0, 0);

        byte[] encode() {
            return ByteBuffer.allocate(3 * Integer.BYTES).putInt(dimension).putInt(features).putInt(texts).array();
        }

        static Header decode(byte[] bytes) {
            if (bytes == null) {
                return EMPTY;
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new Header(buffer.getInt(), buffer.getInt(), buffer.getInt());
        }
    }

    /** A window's samples, in arrival order. */
    record Samples(List<float[]> features, List<String> texts) {}

    private final KeyValueStore<String, byte[]> store;
    private final int maxFeatures;
    private final int maxTexts;

    QualitySamples(KeyValueStore<String, byte[]> store, int maxFeatures, int maxTexts) {
        this.store = store;
        this.maxFeatures = maxFeatures;
        this.maxTexts = maxTexts;
    }

    /** Adds the item's features and text to its window's samples where they have room (as QualityWindow.add would). */
    void offer(String modelId, long windowStart, QualityObservation item) {
        String prefix = prefix(modelId, windowStart);
        Header header = Header.decode(store.get(prefix + "h"));
        int dimension = header.dimension();
        int features = header.features();
        int texts = header.texts();
        float[] vector = item.features();
        if (vector != null && features < maxFeatures && QualityWindow.fits(vector, dimension)) {
            ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES);
            bytes.asFloatBuffer().put(vector);
            store.put(prefix + "f|" + features, bytes.array());
            dimension = vector.length;
            features++;
        }
        if (item.text() != null && texts < maxTexts) {
            store.put(prefix + "t|" + texts, item.text().getBytes(StandardCharsets.UTF_8));
            texts++;
        }
        if (features != header.features() || texts != header.texts()) {
            store.put(prefix + "h", new Header(dimension, features, texts).encode());
        }
    }

    /** Reads a window's samples and deletes them: its report is being made. */
    Samples take(String modelId, long windowStart) {
        String prefix = prefix(modelId, windowStart);
        Header header = Header.decode(store.delete(prefix + "h"));
        List<float[]> features = new ArrayList<>(header.features());
        for (int i = 0; i < header.features(); i++) {
            byte[] bytes = store.delete(prefix + "f|" + i);
            if (bytes != null) {
                float[] vector = new float[bytes.length / Float.BYTES];
                ByteBuffer.wrap(bytes).asFloatBuffer().get(vector);
                features.add(vector);
            }
        }
        List<String> texts = new ArrayList<>(header.texts());
        for (int i = 0; i < header.texts(); i++) {
            byte[] bytes = store.delete(prefix + "t|" + i);
            if (bytes != null) {
                texts.add(new String(bytes, StandardCharsets.UTF_8));
            }
        }
        return new Samples(features, texts);
    }

    private static String prefix(String modelId, long windowStart) {
        return modelId + "|" + windowStart + "|";
    }
}
