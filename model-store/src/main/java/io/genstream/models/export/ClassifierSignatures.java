package io.genstream.models.export;

import java.util.List;
import java.util.Map;

import io.genstream.models.manifest.SignatureSpec;
import io.genstream.models.manifest.TensorSpec;

/**
 * The serving contract of a {@code digits-eval} SavedModel (kind {@code classifier}):
 * {@code serving_default}: {@code image} float32 [-1, 28, 28] in [0, 1] (0 = black background,
 * 1 = white stroke, as the generators draw them) → {@code probabilities} float32 [-1, numClasses]
 * (softmax), {@code features} float32 [-1, featureDim] (the penultimate layer, for the Fréchet
 * distance and diversity). The image key is the generators' output key, so a generated batch feeds
 * it as it comes.
 */
public final class ClassifierSignatures {

    public static final String SERVING_DEFAULT = GanSignatures.SERVING_DEFAULT;
    public static final String IMAGE = GanSignatures.IMAGE;
    public static final String PROBABILITIES = "probabilities";
    public static final String FEATURES = "features";

    private ClassifierSignatures() {}

    /** The contract as manifest entries, for {@code model.json}. */
    public static Map<String, SignatureSpec> describe(int imageSize, int numClasses, int featureDim) {
        TensorSpec images = new TensorSpec("float32", List.of(-1L, (long) imageSize, (long) imageSize));
        return Map.of(SERVING_DEFAULT, new SignatureSpec(Map.of(IMAGE, images), Map.of(
                PROBABILITIES, new TensorSpec("float32", List.of(-1L, (long) numClasses)),
                FEATURES, new TensorSpec("float32", List.of(-1L, (long) featureDim)))));
    }
}
