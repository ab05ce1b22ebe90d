package io.genstream.models.train;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.genstream.models.export.GanInferenceModel;
import io.genstream.models.export.LatentImageModel;
import io.genstream.models.export.VaeInferenceModel;
import io.genstream.models.manifest.InvalidManifestException;
import io.genstream.models.manifest.ModelManifest;

/**
 * Opens a committed digits-gan or digits-vae version in process, through the same inference graphs
 * its SavedModel was exported from: the architecture comes from the training config in its
 * manifest, and the weights from its {@code variables/} checkpoint (a TF checkpoint keyed by the
 * same variable names). Its files are verified against the manifest first.
 */
final class SavedGenerators {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SavedGenerators() {}

    /** Runs {@code body} on the generator in {@code dir}, then closes it. */
    static <T> T use(Path dir, int threads, Function<LatentImageModel, T> body) {
        ModelManifest manifest = ModelManifest.read(dir);
        manifest.verify(dir);
        String checkpoint = dir.resolve("variables").resolve("variables").toString();
        Map<String, Object> config = trainingConfig(manifest);
        switch (manifest.kind()) {
            case DigitsGanManifest.KIND -> {
                GanConfig gan = JSON.convertValue(config, GanConfig.class);
                try (GanInferenceModel model = GanInferenceModel.restore(gan.architecture(), checkpoint, threads)) {
                    return body.apply(model);
                }
            }
            case DigitsVaeManifest.KIND -> {
                VaeConfig vae = JSON.convertValue(config, VaeConfig.class);
                try (VaeInferenceModel model = VaeInferenceModel.restore(vae.architecture(), checkpoint, threads)) {
                    return body.apply(model);
                }
            }
            default -> throw new InvalidManifestException(dir + " is a " + manifest.kind() + ", not a digits generator");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> trainingConfig(ModelManifest manifest) {
        if (!(manifest.training().get("config") instanceof Map<?, ?> config)) {
            throw new InvalidManifestException("manifest of " + manifest.name() + "@" + manifest.version()
                    + " has no training config to rebuild its graph from");
        }
        return (Map<String, Object>) config;
    }
}
