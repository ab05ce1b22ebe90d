package io.genstream.app;

import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.generator.GenerationException;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.metrics.GenstreamMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bundled, trained models of the repository, as the tests load them. */
public final class TestModels {

    /** The repository's model store, seen from the stream-app module. */
    public static final Path MODEL_STORE = locate();

    private TestModels() {}

    private static Path locate() {
        String override = System.getenv("GENSTREAM_TEST_MODELS_DIR");
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath().normalize();
        }
        for (Path candidate : new Path[] {Path.of("../model-store"), Path.of("model-store")}) {
            if (Files.isDirectory(candidate.resolve("digits-gan"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("model-store/digits-gan not found from " + Path.of("").toAbsolutePath());
    }

    /** Configuration pointing at the bundled models, on the CPU. */
    public static GenstreamConfig config() {
        return GenstreamConfig.defaults()
                .with(GenstreamConfig.MODELS_DIR, MODEL_STORE.toString())
                .with(GenstreamConfig.DEVICE, "cpu");
    }

    /** Loads the real models (a second or so). */
    public static ModelCatalog catalog() throws GenerationException {
        return catalog(config());
    }

    /** Loads the real models with the batching of the given configuration. */
    public static ModelCatalog catalog(GenstreamConfig config) throws GenerationException {
        return Generators.load(config, new GenstreamMetrics(new SimpleMeterRegistry()));
    }
}
