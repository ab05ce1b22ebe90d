package io.genstream.app.generator;

import ai.djl.Device;
import io.genstream.app.TestModels;
import io.genstream.models.registry.ModelRegistry;
import io.genstream.models.registry.ModelVersion;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real bundled digits-gan, except that any model call whose batch holds the poisoned label
 * throws, as a device or runtime fault would: inference failing inside a running generator.
 */
public final class PoisonedImageModel implements ImageModel {

    private final ImageModel model;
    private final int poisonedLabel;
    private final AtomicInteger failedCalls = new AtomicInteger();

    private PoisonedImageModel(ImageModel model, int poisonedLabel) {
        this.model = model;
        this.poisonedLabel = poisonedLabel;
    }

    /** Loads the repository's digits-gan on the CPU, failing every call that includes {@code poisonedLabel}. */
    public static PoisonedImageModel digitsGan(int poisonedLabel) throws GenerationException {
        ModelVersion version = ModelRegistry.open(TestModels.MODEL_STORE).latest("digits-gan").orElseThrow();
        return new PoisonedImageModel(
                DjlImageModel.load(version.dir(), ImageModels.info(version), List.of(Device.cpu()), 1), poisonedLabel);
    }

    /** Model calls that threw so far. */
    public int failedCalls() {
        return failedCalls.get();
    }

    @Override
    public ImageModelInfo info() {
        return model.info();
    }

    @Override
    public int instanceCount() {
        return model.instanceCount();
    }

    @Override
    public List<GeneratedImage> generate(float[][] latents, int[] labels) throws GenerationException {
        for (int label : labels) {
            if (label == poisonedLabel) {
                failedCalls.incrementAndGet();
                throw new GenerationException("inference failed on a batch with label " + poisonedLabel);
            }
        }
        return model.generate(latents, labels);
    }

    @Override
    public void close() {
        model.close();
    }
}
