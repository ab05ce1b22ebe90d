package io.genstream.models.export;

import java.util.List;
import java.util.Map;

import io.genstream.models.manifest.SignatureSpec;
import io.genstream.models.manifest.TensorSpec;

/**
 * The serving contract of a {@code digits-vae} SavedModel. Its {@code serving_default} is the
 * digits-gan's without {@code realism}, under the same keys, so the serving code drives both
 * kinds the same way.
 *
 * <ul>
 *   <li>{@code serving_default} (the decoder): {@code z} float32 [-1, latentDim], {@code label}
 *       int32 [-1] → {@code image} float32 [-1, 28, 28] in [0, 1] (0 = black paper, 1 = white ink;
 *       the decoder's Bernoulli means);
 *   <li>{@code encode}: {@code image} float32 [-1, 28, 28], {@code label} int32 [-1] →
 *       {@code mean}, {@code logVariance} float32 [-1, latentDim] (the Gaussian posterior over z).
 * </ul>
 */
public final class VaeSignatures {

    public static final String SERVING_DEFAULT = GanSignatures.SERVING_DEFAULT;
    public static final String ENCODE = "encode";
    public static final String Z = GanSignatures.Z;
    public static final String LABEL = GanSignatures.LABEL;
    public static final String IMAGE = GanSignatures.IMAGE;
    public static final String MEAN = "mean";
    public static final String LOG_VARIANCE = "logVariance";

    private VaeSignatures() {}

    /** The contract as manifest entries, for {@code model.json}. */
    public static Map<String, SignatureSpec> describe(int latentDim, int imageSize) {
        TensorSpec labels = new TensorSpec("int32", List.of(-1L));
        TensorSpec images = new TensorSpec("float32", List.of(-1L, (long) imageSize, (long) imageSize));
        TensorSpec latents = new TensorSpec("float32", List.of(-1L, (long) latentDim));
        return Map.of(
                SERVING_DEFAULT, new SignatureSpec(Map.of(Z, latents, LABEL, labels), Map.of(IMAGE, images)),
                ENCODE, new SignatureSpec(Map.of(IMAGE, images, LABEL, labels), Map.of(MEAN, latents, LOG_VARIANCE, latents)));
    }
}
