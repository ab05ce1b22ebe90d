package io.genstream.app.generator;

import ai.djl.Device;
import io.genstream.app.runtime.BatchSettings;
import io.genstream.app.runtime.BatcherListener;
import io.genstream.app.runtime.SequenceListener;
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
 * model registry: the latest version of every image model (kinds {@code gan}, {@code vae}), each behind its own
 * dynamic batcher, and of every text model (kinds {@code char-lstm}, {@code gpt}), each behind its
 * own continuous batcher.
 */
public final class ModelCatalog implements AutoCloseable {

    /** Kinds whose SavedModel has the z,label → image[,realism] signature DjlImageModel serves. */
    private static final Set<String> IMAGE_KINDS = Set.of("gan", "vae");
    /** Kinds whose SavedModel has the prefill and step signatures DjlSequenceModel serves. */
    private static final Set<String> TEXT_KINDS = Set.of("char-lstm", "gpt");

    /**
     * How text models are batched.
     *
     * @param maxActive most sequences one instance advances together
     * @param queueCapacity most prompts waiting per model version
     */
    public record TextSettings(int maxActive, int queueCapacity) {}

    private final Map<String, ImageGenerator> images;
    private final Map<String, TextGenerator> texts;

    private ModelCatalog(Map<String, ImageGenerator> images, Map<String, TextGenerator> texts) {
        this.images = images;
        this.texts = texts;
    }

    /**
     * A catalog over already loaded image models, keyed by model name.
     *
     * @param listeners the batcher listener for a model id ({@code name@version}), e.g. its meters
     */
    public static ModelCatalog of(Collection<? extends ImageModel> models, BatchSettings batching,
            Function<String, BatcherListener> listeners) {
        return of(models, batching, listeners, List.of());
    }

    /** A catalog over already loaded image models and already built text generators. */
    public static ModelCatalog of(Collection<? extends ImageModel> models, BatchSettings batching,
            Function<String, BatcherListener> listeners, Collection<TextGenerator> textGenerators) {
        Map<String, ImageGenerator> byName = new LinkedHashMap<>();
        for (ImageModel model : models) {
            byName.put(model.info().name(),
                    new ImageGenerator(model, batching, listeners.apply(model.info().id())));
        }
        Map<String, TextGenerator> textByName = new LinkedHashMap<>();
        for (TextGenerator generator : textGenerators) {
            textByName.put(generator.info().name(), generator);
        }
        return new ModelCatalog(byName, textByName);
    }

    /**
     * Loads the latest version of every image and text model in the registry onto the given devices.
     *
     * @throws GenerationException when a model cannot be loaded
     */
    public static ModelCatalog load(ModelRegistry registry, List<Device> devices, int instancesPerDevice,
            BatchSettings batching, Function<String, BatcherListener> listeners, TextSettings text,
            Function<String, SequenceListener> textListeners) throws GenerationException {
        List<ImageModel> loaded = new ArrayList<>();
        List<TextGenerator> textGenerators = new ArrayList<>();
        try {
            for (String name : registry.names()) {
                ModelVersion latest = registry.latest(name).orElseThrow();
                String kind = latest.manifest().kind();
                if (IMAGE_KINDS.contains(kind)) {
                    ImageModelInfo info = ImageModels.info(latest);
                    loaded.add(DjlImageModel.load(latest.dir(), info, devices, instancesPerDevice));
                } else if (TEXT_KINDS.contains(kind)) {
                    TextModelInfo info = TextModelInfo.of(latest);
                    textGenerators.add(new TextGenerator(info,
                            DjlSequenceModel.load(latest.dir(), info, devices, instancesPerDevice),
                            text.maxActive(), text.queueCapacity(), textListeners.apply(info.id())));
                }
            }
        } catch (GenerationException | RuntimeException e) {
            loaded.forEach(ImageModel::close);
            textGenerators.forEach(TextGenerator::close);
            throw e;
        }
        return of(loaded, batching, listeners, textGenerators);
    }

    /** The image generator a request names, if served here. */
    public Optional<ImageGenerator> image(String name) {
        return Optional.ofNullable(images.get(name));
    }

    /** The text generator a request names, if served here. */
    public Optional<TextGenerator> text(String name) {
        return Optional.ofNullable(texts.get(name));
    }

    public List<ImageModelInfo> imageModels() {
        return images.values().stream().map(ImageGenerator::info).toList();
    }

    public List<TextModelInfo> textModels() {
        return texts.values().stream().map(TextGenerator::info).toList();
    }

    @Override
    public void close() {
        images.values().forEach(ImageGenerator::close);
        texts.values().forEach(TextGenerator::close);
    }
}
