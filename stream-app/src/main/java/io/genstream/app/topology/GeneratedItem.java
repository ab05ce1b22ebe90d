package io.genstream.app.topology;

import io.genstream.avro.GeneratedContent;
import java.util.Objects;
import java.util.Optional;

/**
 * One item as it leaves the generation stage: its content record and, for an image scored by a feature
 * extractor, the feature vector that windowed quality uses (Fréchet distance, diversity). The features never go
 * to the content topic; they exist only on the way to {@link QualityTopology}.
 */
public final class GeneratedItem {

    private final GeneratedContent content;
    private final float[] features;

    private GeneratedItem(GeneratedContent content, float[] features) {
        this.content = Objects.requireNonNull(content, "content");
        this.features = features;
    }

    /** An item without features (text, or an image no feature extractor looked at). */
    public static GeneratedItem of(GeneratedContent content) {
        return new GeneratedItem(content, null);
    }

    /** An image with the feature vector of its quality scorer (kept as given, not copied). */
    public static GeneratedItem withFeatures(GeneratedContent content, float[] features) {
        return new GeneratedItem(content, Objects.requireNonNull(features, "features"));
    }

    public GeneratedContent content() {
        return content;
    }

    public Optional<float[]> features() {
        return Optional.ofNullable(features);
    }
}
