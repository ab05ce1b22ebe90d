package io.genstream.app;

import ai.djl.Device;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.generator.DjlImageModel;
import io.genstream.app.generator.GenerationException;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.metrics.LifecycleMetrics;
import io.genstream.app.runtime.DevicePlacement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the served models from the configured model store onto the chosen devices. */
public final class Generators {

    private static final Logger LOG = LoggerFactory.getLogger(Generators.class);

    private Generators() {}

    private static void threads(int count, String property) {
        if (count < 0) {
            throw new IllegalArgumentException(property + " must be ≥ 0, not " + count);
        }
        if (count > 0) {
            System.setProperty(property, Integer.toString(count));
        }
    }

    /**
     * TensorFlow's intra-op threads when {@code generator.intra.op.threads} is 0: one fewer than the cores, at least
     * one. The last core is left to what runs next to the models: the Kafka clients, the stream threads, the
     * batchers (and in the demo the broker). On a 2-core host that is one thread: the small ops of a text step then
     * run whole on it instead of being split across a pool whose other thread is often busy (measured: continuous
     * batching's gain over one request at a time rose from about 6.8× to 8.2× on catalog-gpt, see the README).
     */
    static int defaultIntraOpThreads(int cores) {
        return Math.max(1, cores - 1);
    }

    /** The intra-op thread count TensorFlow is given: the configured one, or {@link #defaultIntraOpThreads} for 0. */
    public static int intraOpThreads(GenstreamConfig config) {
        int configured = config.get(GenstreamConfig.INTRA_OP_THREADS);
        return configured == 0 ? defaultIntraOpThreads(Runtime.getRuntime().availableProcessors()) : configured;
    }

    public static ModelCatalog load(GenstreamConfig config, GenstreamMetrics metrics) throws GenerationException {
        Path root = Path.of(config.get(GenstreamConfig.MODELS_DIR));
        if (!Files.isDirectory(root)) {
            throw new GenerationException("model store " + root.toAbsolutePath()
                    + " not found: run from the repository root or set models.dir");
        }
        // DJL's TensorFlow engine reads its thread counts from these properties (keeping its own GPU
        // options); the intra-op count is always set (its default is ours), the inter-op count only when
        // configured, and both before anything starts the engine: TensorFlow sizes its process-wide CPU
        // thread pools once, for the first context or session it creates (the engine's eager context,
        // started by the GPU count below).
        threads(intraOpThreads(config), "ai.djl.tensorflow.num_intraop_threads");
        threads(config.get(GenstreamConfig.INTER_OP_THREADS), "ai.djl.tensorflow.num_interop_threads");
        DevicePlacement.Mode mode = DevicePlacement.parseMode(config.get(GenstreamConfig.DEVICE));
        List<Device> devices = DevicePlacement.devices(mode, mode == DevicePlacement.Mode.CPU ? 0 : DjlImageModel.visibleGpus());
        int instances = config.get(GenstreamConfig.INSTANCES_PER_DEVICE);
        long started = System.nanoTime();
        LifecycleMetrics lifecycle = new LifecycleMetrics(metrics.registry());
        ModelCatalog catalog = ModelCatalog.load(root, new ModelCatalog.Loading(devices, instances,
                GenstreamApplication.batchSettings(config), metrics::batcher, textSettings(config),
                metrics::sequences), (modelId, reason, message) -> {
                    LOG.error("Refused model {} ({}): {}; serving the others", modelId, reason, message);
                    lifecycle.refused(modelId, reason);
                });
        LOG.info("Loaded {} and {} on {} ({} instance(s) each) in {} ms", catalog.imageModels(),
                catalog.textModels(), devices, instances, (System.nanoTime() - started) / 1_000_000);
        return catalog;
    }

    /** How text models are batched, from the configuration. */
    public static ModelCatalog.TextSettings textSettings(GenstreamConfig config) {
        int maxActive = config.get(GenstreamConfig.TEXT_MAX_ACTIVE);
        int capacity = config.get(GenstreamConfig.TEXT_QUEUE_CAPACITY);
        if (maxActive < 1 || capacity < 1) {
            throw new IllegalArgumentException(GenstreamConfig.TEXT_MAX_ACTIVE.name() + " and "
                    + GenstreamConfig.TEXT_QUEUE_CAPACITY.name() + " must be at least 1");
        }
        return new ModelCatalog.TextSettings(maxActive, capacity);
    }
}
