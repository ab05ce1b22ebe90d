package io.genstream.app.gallery;

import io.genstream.avro.ContentKind;
import io.genstream.avro.GeneratedContent;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * What the gallery keeps of one emitted item: a PNG or a text (capped), its scores and its latency.
 *
 * @param png the image's PNG bytes, or null for a text
 * @param text the text, at most {@value #MAX_TEXT_CHARS} characters, or null for an image
 */
public record GalleryItem(String modelName, String modelVersion, String requestId, int index, byte[] png,
        String text, Map<String, Double> scores, long latencyMs, long emittedAt) {

    /** A page shows texts in full up to this length; longer ones are cut, so the page size stays bounded. */
    static final int MAX_TEXT_CHARS = 400;
    /** Images above this size are not kept (the bundled models make PNGs of a few hundred bytes). */
    static final int MAX_PNG_BYTES = 64 * 1024;
    /** The score a chart plots as a model version's quality: the first of these an item has. */
    public static final List<String> QUALITY_SCORES = List.of("classConfidence", "realism", "grammarValid");

    public static GalleryItem of(GeneratedContent content) {
        byte[] png = null;
        String text = null;
        if (content.getKind() == ContentKind.IMAGE && content.getImage() != null) {
            ByteBuffer data = content.getImage().getData().duplicate();
            if (data.remaining() <= MAX_PNG_BYTES) {
                png = new byte[data.remaining()];
                data.get(png);
            }
        } else if (content.getText() != null) {
            String full = content.getText().toString();
            text = full.length() <= MAX_TEXT_CHARS ? full : full.substring(0, MAX_TEXT_CHARS) + "…";
        }
        Map<String, Double> scores = new TreeMap<>();
        content.getScores().forEach((name, value) -> scores.put(name.toString(), value));
        return new GalleryItem(content.getModelName().toString(), content.getModelVersion().toString(),
                content.getRequestId().toString(), content.getIndex(), png, text, scores,
                Math.max(0, content.getEmittedAt() - content.getCreatedAt()), content.getEmittedAt());
    }

    public String modelId() {
        return modelName + '@' + modelVersion;
    }

    public boolean isImage() {
        return png != null;
    }

    /** The item's quality as the charts plot it ({@link #QUALITY_SCORES}), if it has one. */
    public OptionalDouble quality() {
        for (String name : QUALITY_SCORES) {
            Double value = scores.get(name);
            if (value != null && Double.isFinite(value)) {
                return OptionalDouble.of(value);
            }
        }
        return OptionalDouble.empty();
    }
}
