package io.genstream.app.generator;

import ai.djl.Device;
import io.genstream.models.registry.ModelRegistry;
import io.genstream.models.registry.ModelVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The generators this instance serves, by the name a request uses. Built once at start from the
 * model registry: the latest version of every image model (kinds {@code gan}, {@code vae}).
 */
public final class ModelCatalog implements AutoCloseable {

    private static final Set<String> IMAGE_KINDS = Set.of("gan", "vae");

    private final Map<String, ImageModel> imageModels;

    private ModelCatalog(Map<String, ImageModel> imageModels) {
        this.imageModels = imageModels;
    }

    /** A catalog of already loaded models, keyed by model name. */
    public static ModelCatalog of(Collection<? extends ImageModel> models) {
        Map<String, ImageModel> byName = new LinkedHashMap<>();
        models.forEach(m -> byName.put(m.info().name(), m));
        return new ModelCatalog(byName);
    }

    /**
     * Loads the latest version of every image model in the registry onto the given devices.
     *
     * @throws GenerationException when a model cannot be loaded
     */
    public static ModelCatalog load(ModelRegistry registry, List<Device> devices, int instancesPerDevice)
            throws GenerationException {
        List<ImageModel> loaded = new ArrayList<>();
        try {
            for (String name : registry.names()) {
                ModelVersion latest = registry.latest(name).orElseThrow();
                if (!IMAGE_KINDS.contains(latest.manifest().kind())) {
                    continue;
                }
                ImageModelInfo info = ImageModels.info(latest);
                loaded.add(DjlImageModel.load(latest.dir(), info, devices, instancesPerDevice));
            }
        } catch (GenerationException | RuntimeException e) {
            loaded.forEach(ImageModel::close);
            throw e;
        }
        return of(loaded);
    }

    /** The image model a request names, if served here. */
    public Optional<ImageModel> image(String name) {
        return Optional.ofNullable(imageModels.get(name));
    }

    public List<ImageModelInfo> imageModels() {
        return imageModels.values().stream().map(ImageModel::info).toList();
    }

    @Override
    public void close() {
        imageModels.values().forEach(ImageModel::close);
    }
}
