package io.genstream.app.generator;

import io.genstream.models.manifest.ModelIntegrityException;
import io.genstream.models.manifest.ModelStoreException;
import io.genstream.models.registry.ModelVersion;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies and loads model versions for the catalog, and reports each version it refuses — once
 * per reason, since the model-store watcher meets a refused version again on every scan.
 */
final class VersionLoader {

    private final ModelCatalog.Loading loading;
    private final ImageScorer scorer;
    private final RefusalListener refusals;
    /** Refused version → why. */
    private final Map<String, String> refused = new ConcurrentHashMap<>();

    /**
     * @param scorer the classifier wrapped around every image model, or null
     */
    VersionLoader(ModelCatalog.Loading loading, ImageScorer scorer, RefusalListener refusals) {
        this.loading = loading;
        this.scorer = scorer;
        this.refusals = refusals;
    }

    /** Whether the version's files match its manifest; refuses it when not. */
    boolean verify(ModelVersion version) {
        try {
            version.manifest().verify(version.dir());
            return true;
        } catch (ModelIntegrityException e) {
            refuse(version.id(), e.problem().name().toLowerCase().replace('_', '-'), e.getMessage());
            return false;
        }
    }

    ImageGenerator image(ModelVersion version) throws GenerationException {
        ImageModelInfo info = ImageModels.info(version);
        ImageModel model = DjlImageModel.load(version.dir(), info, loading.devices(), loading.instancesPerDevice());
        return new ImageGenerator(scorer == null ? model : new ScoredImageModel(model, scorer), loading.batching(),
                loading.listeners().apply(info.id()));
    }

    TextGenerator text(ModelVersion version) throws GenerationException {
        TextModelInfo info = TextModelInfo.of(version);
        return new TextGenerator(info,
                DjlSequenceModel.load(version.dir(), info, loading.devices(), loading.instancesPerDevice()),
                loading.text().maxActive(), loading.text().queueCapacity(), loading.textListeners().apply(info.id()));
    }

    /** A version is served: a later refusal of it is news again. */
    void served(ModelVersion version) {
        refused.remove(version.id());
    }

    /** A version whose {@code model.json} cannot be read, named by its folders. */
    void refuseUnreadable(Path versionDir, ModelStoreException e) {
        refuse(versionDir.getParent().getFileName() + "@" + versionDir.getFileName(), "invalid-manifest",
                e.getMessage());
    }

    void refuse(String modelId, String reason, String message) {
        String why = reason + ": " + message;
        if (!Objects.equals(refused.put(modelId, why), why)) {
            refusals.refused(modelId, reason, message);
        }
    }
}
