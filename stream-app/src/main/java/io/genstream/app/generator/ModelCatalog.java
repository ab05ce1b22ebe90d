package io.genstream.app.generator;

import ai.djl.Device;
import io.genstream.app.runtime.BatchSettings;
import io.genstream.app.runtime.BatcherListener;
import io.genstream.models.registry.ModelRegistry;
import io.genstream.models.registry.ModelVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The generators this instance serves, by the name a request uses. Built once at start from the
 * model registry: the latest version of every image model (kind {@code gan}), each
 * behind its own dynamic batcher.
 */
public final class ModelCatalog implements AutoCloseable {

    /** Kinds whose SavedModel has the z,label → image,realism signature DjlImageModel serves. */
    private static final Set<String> IMAGE_KINDS = Set.of("gan");

    private final Map<String, ImageGenerator> images;

    private ModelCatalog(Map<String, ImageGenerator> images) {
        this.images = images;
    }

    /**
     * A catalog over already loaded models, keyed by model name.
     *
     * @param listeners the batcher listener for a model id ({@code name@version}), e.g. its meters
     */
    public static ModelCatalog of(Collection<? extends ImageModel> models, BatchSettings batching,
            Function<String, BatcherListener> listeners) {
        Map<String, ImageGenerator> byName = new LinkedHashMap<>();
        for (ImageModel model : models) {
            byName.put(model.info().name(),
                    new ImageGenerator(model, batching, listeners.apply(model.info().id())));
        }
        return new ModelCatalog(byName);
    }

    /**
     * Loads the latest version of every image model in the registry onto the given devices.
     *
     * @throws GenerationException when a model cannot be loaded
     */
    public static ModelCatalog load(ModelRegistry registry, List<Device> devices, int instancesPerDevice,
            BatchSettings batching, Function<String, BatcherListener> listeners) throws GenerationException {
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
        return of(loaded, batching, listeners);
    }

    /** The image generator a request names, if served here. */
    public Optional<ImageGenerator> image(String name) {
        return Optional.ofNullable(images.get(name));
    }

    public List<ImageModelInfo> imageModels() {
        return images.values().stream().map(ImageGenerator::info).toList();
    }

    @Override
    public void close() {
        images.values().forEach(ImageGenerator::close);
    }
}
