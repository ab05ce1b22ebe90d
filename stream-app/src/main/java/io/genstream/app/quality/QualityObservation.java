package io.genstream.app.quality;

import io.genstream.avro.ContentKind;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What windowed quality needs of one generated item: the model version that made it, its kind and event time, its
 * per-item scores, its text (TEXT items) and, for an image a feature extractor looked at, its feature vector.
 * Immutable by convention (the arrays and maps handed in are kept, not copied); {@link QualityObservationCodec}
 * gives its bytes.
 *
 * @param modelName the generating model
 * @param modelVersion its version
 * @param kind IMAGE or TEXT
 * @param createdAt the request's event time, epoch millis
 * @param scores the item's per-item scores ({@code GeneratedContent.scores})
 * @param text the generated text (TEXT items), else null; at most {@link #MAX_TEXT_CHARS} characters
 * @param features the image's feature vector, else null
 */
public record QualityObservation(String modelName, String modelVersion, ContentKind kind, long createdAt,
        Map<String, Double> scores, String text, float[] features) {

    /** Longest text kept for the window's text metrics; longer ones are cut (no catalog model writes that much). */
    public static final int MAX_TEXT_CHARS = 4096;

    public QualityObservation {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(kind, "kind");
        scores = scores == null ? Map.of() : scores;
        if (text != null && text.length() > MAX_TEXT_CHARS) {
            text = text.substring(0, MAX_TEXT_CHARS);
        }
    }

    /** The key windowed quality groups by, and the {@code genstream.quality} key: {@code name@version}. */
    public String modelId() {
        return modelName + "@" + modelVersion;
    }

    public Optional<String> optionalText() {
        return Optional.ofNullable(text);
    }

    public Optional<float[]> optionalFeatures() {
        return Optional.ofNullable(features);
    }
}
