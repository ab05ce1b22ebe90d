package io.genstream.app.generator;

import ai.djl.Device;
import io.genstream.app.runtime.BatchSettings;
import io.genstream.app.runtime.BatcherListener;
import io.genstream.models.stats.GaussianStats;
import io.genstream.app.runtime.SequenceListener;
import io.genstream.models.registry.ModelRegistry;
import io.genstream.models.registry.ModelVersion;
import io.genstream.models.train.FeatureGaussian;
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

    /** Kind of the image classifier that scores every generated image. */
    private static final String CLASSIFIER_KIND = "classifier";

    private final Map<String, ImageGenerator> images;
    private final Map<String, TextGenerator> texts;
    private final ImageScorer scorer;
    private final GaussianStats reference;

    private ModelCatalog(Map<String, ImageGenerator> images, Map<String, TextGenerator> texts, ImageScorer scorer,
            GaussianStats reference) {
        this.images = images;
        this.texts = texts;
        this.scorer = scorer;
        this.reference = reference;
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
        return new ModelCatalog(byName, textByName, null, null);
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
        ImageScorer scorer = null;
        GaussianStats reference = null;
        try {
            Optional<ModelVersion> classifier = latestOfKind(registry, CLASSIFIER_KIND);
            if (classifier.isPresent()) {
                scorer = DjlImageScorer.load(classifier.get(), devices, instancesPerDevice);
                reference = reference(classifier.get());
            }
            for (String name : registry.names()) {
                ModelVersion latest = registry.latest(name).orElseThrow();
                String kind = latest.manifest().kind();
                if (IMAGE_KINDS.contains(kind)) {
                    ImageModelInfo info = ImageModels.info(latest);
                    ImageModel model = DjlImageModel.load(latest.dir(), info, devices, instancesPerDevice);
                    loaded.add(scorer == null ? model : new ScoredImageModel(model, scorer));
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
            if (scorer != null) {
                scorer.close();
            }
            throw e;
        }
        ModelCatalog catalog = of(loaded, batching, listeners, textGenerators);
        return new ModelCatalog(catalog.images, catalog.texts, scorer, reference);
    }

    private static Optional<ModelVersion> latestOfKind(ModelRegistry registry, String kind) {
        return registry.names().stream().map(name -> registry.latest(name).orElseThrow())
                .filter(v -> v.manifest().kind().equals(kind)).findFirst();
    }

    /** The classifier's reference feature statistics (real digits), from its manifest; null when absent. */
    private static GaussianStats reference(ModelVersion classifier) {
        Object json = classifier.manifest().evaluation().get("referenceFeatures");
        if (!(json instanceof Map<?, ?> map)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        FeatureGaussian stats = FeatureGaussian.fromJson((Map<String, Object>) map);
        return GaussianStats.fromMoments(stats.count(), stats.mean(), stats.covariance());
    }

    /** The image classifier scoring every generated image, if one is served. */
    public Optional<ImageScorer> scorer() {
        return Optional.ofNullable(scorer);
    }

    /**
     * The reference feature statistics windowed quality compares a model version's images against
     * (the classifier's statistics of real digits), for image models when a classifier is served.
     */
    public Optional<GaussianStats> reference(String modelId) {
        if (reference == null) {
            return Optional.empty();
        }
        return images.values().stream().anyMatch(g -> g.info().id().equals(modelId))
                ? Optional.of(reference) : Optional.empty();
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
        if (scorer != null) {
            scorer.close();
        }
    }
}
