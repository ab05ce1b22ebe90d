package io.genstream.models.export;

import java.util.List;
import java.util.Map;

import io.genstream.models.manifest.SignatureSpec;
import io.genstream.models.manifest.TensorSpec;

/**
 * The serving contract of a {@code digits-gan} SavedModel. The serving code feeds and reads
 * tensors by these keys, so they never change within a model kind.
 *
 * <ul>
 *   <li>{@code serving_default}: {@code z} float32 [-1, latentDim], {@code label} int32 [-1] →
 *       {@code image} float32 [-1, 28, 28] in [0, 1] (0 = black paper, 1 = white ink),
 *       {@code realism} float32 [-1] in [0, 1] (sigmoid of D's logit on that image and label);
 *   <li>{@code discriminate}: {@code image} float32 [-1, 28, 28], {@code label} int32 [-1] →
 *       {@code realism} float32 [-1].
 * </ul>
 */
public final class GanSignatures {

    public static final String SERVING_DEFAULT = "serving_default";
    public static final String DISCRIMINATE = "discriminate";
    public static final String Z = "z";
    public static final String LABEL = "label";
    public static final String IMAGE = "image";
    public static final String REALISM = "realism";

    private GanSignatures() {}

    /** The contract as manifest entries, for {@code model.json}. */
    public static Map<String, SignatureSpec> describe(int latentDim, int imageSize) {
        TensorSpec labels = new TensorSpec("int32", List.of(-1L));
        TensorSpec images = new TensorSpec("float32", List.of(-1L, (long) imageSize, (long) imageSize));
        TensorSpec scores = new TensorSpec("float32", List.of(-1L));
        return Map.of(
                SERVING_DEFAULT,
                new SignatureSpec(
                        Map.of(Z, new TensorSpec("float32", List.of(-1L, (long) latentDim)), LABEL, labels),
                        Map.of(IMAGE, images, REALISM, scores)),
                DISCRIMINATE,
                new SignatureSpec(Map.of(IMAGE, images, LABEL, labels), Map.of(REALISM, scores)));
    }
}
