package io.genstream.app.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.ModelStoreCopies;
import io.genstream.app.TestModels;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.metrics.LifecycleMetrics;
import io.genstream.app.Generators;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog serves every verified version of a model, and refuses a tampered one while serving the rest. */
class ModelCatalogVersionsTest {

    @Test
    void servesEveryVerifiedVersionRefusesATamperedOrUnreadableOneAndDefaultsToTheLatest(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store");
        Path v1 = ModelStoreCopies.copyBundled("digits-gan", "1", store);
        ModelStoreCopies.copyAs(v1, store, "2");
        ModelStoreCopies.tamper(ModelStoreCopies.copyAs(v1, store, "3"), "variables/variables.index");
        Files.writeString(ModelStoreCopies.copyAs(v1, store, "4").resolve("model.json"), "{\"name\": \"digits-gan\"");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GenstreamConfig config = TestModels.config().with(GenstreamConfig.MODELS_DIR, store.toString());

        try (ModelCatalog catalog = Generators.load(config, new GenstreamMetrics(registry))) {
            assertThat(catalog.imageModels()).extracting(ImageModelInfo::id)
                    .containsExactlyInAnyOrder("digits-gan@1", "digits-gan@2");
            assertThat(catalog.serves("digits-gan@3")).isFalse();
            assertThat(catalog.image("digits-gan")).map(g -> g.info().id()).contains("digits-gan@2");
            assertThat(catalog.image("digits-gan@1")).map(g -> g.info().id()).contains("digits-gan@1");
            assertThat(catalog.image("digits-gan@3")).isEmpty();
            assertThat(registry.get(LifecycleMetrics.REFUSED).tag("model", "digits-gan").tag("version", "3")
                    .tag("reason", "digest-mismatch").counter().count()).isEqualTo(1.0);
            assertThat(registry.get(LifecycleMetrics.REFUSED).tag("model", "digits-gan").tag("version", "4")
                    .tag("reason", "invalid-manifest").counter().count()).isEqualTo(1.0);

            // A later scan adds a new version without making it the default, and reports no refusal twice.
            ModelStoreCopies.copyAs(v1, store, "5");
            assertThat(catalog.admitNew(store)).containsExactly("digits-gan@5");
            assertThat(catalog.image("digits-gan@5")).isPresent();
            assertThat(catalog.image("digits-gan")).map(g -> g.info().id()).contains("digits-gan@2");
            assertThat(registry.get(LifecycleMetrics.REFUSED).counters())
                    .allSatisfy(c -> assertThat(c.count()).isEqualTo(1.0));
        }
    }
}
