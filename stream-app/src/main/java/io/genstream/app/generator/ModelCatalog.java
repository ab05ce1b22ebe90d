package io.genstream.app.generator;

import ai.djl.Device;
import io.genstream.app.runtime.BatchSettings;
import io.genstream.app.runtime.BatcherListener;
import io.genstream.models.manifest.ModelStoreException;
import io.genstream.models.stats.GaussianStats;
import io.genstream.app.runtime.SequenceListener;
import io.genstream.models.registry.ModelRegistry;
import io.genstream.models.registry.ModelVersion;
import io.genstream.models.registry.VerificationResult;
import io.genstream.models.train.FeatureGaussian;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The generators this instance serves, keyed {@code name@version}: every verified version of every
 * image model (kinds {@code gan}, {@code vae}), each behind its own dynamic batcher, and of every
 * text model (kinds {@code char-lstm}, {@code gpt}), each behind its own continuous batcher. A
 * request naming a model without a version gets its latest version loaded at start. Versions can
 * be added while serving ({@link #admitNew}); a version whose files do not match its manifest is
 * refused and the others go on being served.
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

    /**
     * What loading a version needs: where it runs and how it is batched.
     *
     * @param listeners the batcher listener for a model id ({@code name@version}), e.g. its meters
     * @param textListeners the sequence listener for a text model id
     */
    public record Loading(List<Device> devices, int instancesPerDevice, BatchSettings batching,
            Function<String, BatcherListener> listeners, TextSettings text,
            Function<String, SequenceListener> textListeners) {}

    /** Kind of the image classifier that scores every generated image. */
    private static final String CLASSIFIER_KIND = "classifier";

    private volatile ServedVersions<ImageGenerator> images;
    private volatile ServedVersions<TextGenerator> texts;
    private final ImageScorer scorer;
    private final GaussianStats reference;
    /** Loads versions added after start; null for a catalog of already loaded models. */
    private final VersionLoader loader;

    private ModelCatalog(ServedVersions<ImageGenerator> images, ServedVersions<TextGenerator> texts,
            ImageScorer scorer, GaussianStats reference, VersionLoader loader) {
        this.images = images;
        this.texts = texts;
        this.scorer = scorer;
        this.reference = reference;
        this.loader = loader;
    }

    /**
     * A catalog over already loaded image models.
     *
     * @param listeners the batcher listener for a model id ({@code name@version}), e.g. its meters
     */
    public static ModelCatalog of(Collection<? extends ImageModel> models, BatchSettings batching,
            Function<String, BatcherListener> listeners) {
        return of(models, batching, listeners, List.of());
    }

    /** A catalog over already loaded image models and already built text generators; it cannot admit more. */
    public static ModelCatalog of(Collection<? extends ImageModel> models, BatchSettings batching,
            Function<String, BatcherListener> listeners, Collection<TextGenerator> textGenerators) {
        ServedVersions<ImageGenerator> images = ServedVersions.empty();
        for (ImageModel model : models) {
            images = images.with(model.info().name(), model.info().version(),
                    new ImageGenerator(model, batching, listeners.apply(model.info().id())));
        }
        ServedVersions<TextGenerator> texts = ServedVersions.empty();
        for (TextGenerator generator : textGenerators) {
            texts = texts.with(generator.info().name(), generator.info().version(), generator);
        }
        return new ModelCatalog(images, texts, null, null, null);
    }

    /**
     * Loads every verified image and text version in the model store; a version that fails
     * verification or loading is refused (told to {@code refusals}) and the others are served. The
     * image classifier scoring every image is the latest verified one.
     *
     * @throws GenerationException when the classifier cannot be loaded
     */
    public static ModelCatalog load(Path root, Loading loading, RefusalListener refusals) throws GenerationException {
        Map<Path, ModelStoreException> unreadable = new LinkedHashMap<>();
        ModelRegistry registry = ModelRegistry.open(root, unreadable::put);
        Optional<ModelVersion> classifier = registry.verifyAll().stream()
                .filter(VerificationResult::ok).map(VerificationResult::version)
                .filter(v -> v.manifest().kind().equals(CLASSIFIER_KIND))
                .reduce((older, newer) -> newer);
        ImageScorer scorer = null;
        GaussianStats reference = null;
        if (classifier.isPresent()) {
            scorer = DjlImageScorer.load(classifier.get(), loading.devices(), loading.instancesPerDevice());
            reference = reference(classifier.get());
        }
        VersionLoader loader = new VersionLoader(loading, scorer, refusals);
        ModelCatalog catalog = new ModelCatalog(ServedVersions.empty(), ServedVersions.empty(), scorer, reference,
                loader);
        unreadable.forEach(loader::refuseUnreadable);
        registry.list().forEach(version -> catalog.admit(version, true));
        return catalog;
    }

    /**
     * Admits every version in the model store not served yet (and refuses those that fail): what
     * the model-store watcher does on every scan. A version added so gets traffic only when a route
     * sends it some: a bare name keeps meaning the version it meant (unless the name is new).
     *
     * @return the versions added ({@code name@version})
     * @throws ModelStoreException when the store itself cannot be read
     */
    public List<String> admitNew(Path root) {
        List<String> added = new ArrayList<>();
        if (loader == null) {
            return List.of();
        }
        for (ModelVersion version : ModelRegistry.open(root, loader::refuseUnreadable).list()) {
            if (!serves(version.id()) && admit(version, false)) {
                added.add(version.id());
            }
        }
        return added;
    }

    /**
     * Verifies and loads one version and adds it to what is served, atomically; a version already
     * served, or of a kind not generated here (e.g. the classifier), is left alone.
     *
     * @param mayBecomeDefault whether a bare name may now mean this version, when it is the latest
     * @return true when the version was added
     */
    public synchronized boolean admit(ModelVersion version, boolean mayBecomeDefault) {
        String kind = version.manifest().kind();
        boolean image = IMAGE_KINDS.contains(kind);
        if (loader == null || serves(version.id()) || !(image || TEXT_KINDS.contains(kind))
                || !loader.verify(version)) {
            return false;
        }
        try {
            if (image) {
                images = images.with(version.name(), version.version(), loader.image(version),
                        mayBecomeDefault);
            } else {
                texts = texts.with(version.name(), version.version(), loader.text(version),
                        mayBecomeDefault);
            }
        } catch (GenerationException | RuntimeException e) {
            loader.refuse(version.id(), "load-failed", e.getMessage());
            return false;
        }
        loader.served(version);
        return true;
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
        return reference != null && images.contains(modelId) ? Optional.of(reference) : Optional.empty();
    }

    /** Whether the version {@code name@version} is served here. */
    public boolean serves(String modelId) {
        return images.contains(modelId) || texts.contains(modelId);
    }

    /**
     * The served version ({@code name@version}) a request's model names: a bare name as its latest
     * version; anything not served here as it is.
     */
    public String servedId(String model) {
        return image(model).map(g -> g.info().id())
                .or(() -> text(model).map(g -> g.info().id()))
                .orElse(model);
    }

    /** The image generator a request names ({@code name@version}, or a name: its latest version), if served here. */
    public Optional<ImageGenerator> image(String model) {
        return images.find(model);
    }

    /** The text generator a request names ({@code name@version}, or a name: its latest version), if served here. */
    public Optional<TextGenerator> text(String model) {
        return texts.find(model);
    }

    public List<ImageModelInfo> imageModels() {
        return images.all().stream().map(ImageGenerator::info).toList();
    }

    public List<TextModelInfo> textModels() {
        return texts.all().stream().map(TextGenerator::info).toList();
    }

    @Override
    public synchronized void close() {
        images.all().forEach(ImageGenerator::close);
        texts.all().forEach(TextGenerator::close);
        if (scorer != null) {
            scorer.close();
        }
    }
}
