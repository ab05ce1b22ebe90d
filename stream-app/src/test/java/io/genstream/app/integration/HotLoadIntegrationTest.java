package io.genstream.app.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.BrokerPerClass;
import io.genstream.app.GenstreamApplication;
import io.genstream.app.Generators;
import io.genstream.app.ModelStoreCopies;
import io.genstream.app.TestModels;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.metrics.LifecycleMetrics;
import io.genstream.app.routing.RouteWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot load under traffic: the application serves digits-gan v1; while requests flow, v2 is dropped
 * into the model store and a route sends all traffic to it, and a tampered v3 is dropped in too.
 * v2 serves without a restart, v3 is refused, no request fails, and every request has exactly its
 * items ({@code read_committed}).
 */
@Tag("integration")
class HotLoadIntegrationTest {

    @RegisterExtension
    static final BrokerPerClass BROKER = new BrokerPerClass();

    @Test
    void aNewVersionAddedAndRoutedUnderTrafficServesWithoutAFailureAndATamperedOneIsRefused(@TempDir Path dir)
            throws Exception {
        Path store = dir.resolve("store");
        Path v1 = ModelStoreCopies.copyBundled("digits-gan", "1", store);
        GenstreamConfig config = BROKER.appConfig(TestModels.config()
                .with(GenstreamConfig.MODELS_DIR, store.toString())
                .with(GenstreamConfig.MODELS_SCAN_INTERVAL_MS, "300"), "hot-load-it");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GenstreamMetrics metrics = new GenstreamMetrics(registry);
        try (ModelCatalog models = Generators.load(config, metrics);
                GenstreamApplication app = GenstreamApplication.start(config, models, metrics)) {
            app.awaitRunning(Duration.ofSeconds(60));
            assertThat(models.serves("digits-gan@2")).isFalse();
            PacedTraffic traffic = new PacedTraffic(config, app.topics().noiseSeeds().name(), "hot-", 20, 4, 100);
            Thread.sleep(1_500);

            ModelStoreCopies.copyAs(v1, store, "2");
            Path tampered = ModelStoreCopies.copyAs(v1, dir.resolve("side"), "3");
            ModelStoreCopies.tamper(tampered, "variables/variables.data-00000-of-00001");
            ModelStoreCopies.moveInto(tampered, store);
            awaitServed(models, "digits-gan@2", Duration.ofSeconds(30));
            assertThat(models.image("digits-gan")).as("a bare name before any route")
                    .map(g -> g.info().id()).contains("digits-gan@1");
            RouteWriter.write(GenstreamApplication.clientConfig(config), app.topics().modelRoutes().name(),
                    RouteWriter.route("digits-gan", Map.of("2", 1.0), null, null, null, System.currentTimeMillis()));
            Thread.sleep(3_000);
            Map<String, Integer> expected = traffic.stop();

            try (ContentLedger ledger = new ContentLedger(config, app.topics().content().name(), "hot-load-check")) {
                ledger.readUntil(RequestTraffic.total(expected), Duration.ofSeconds(90));
                ledger.readFor(Duration.ofSeconds(2));
                ledger.assertExactly(expected);
                assertThat(ledger.itemsByVersion()).containsKeys("digits-gan@1", "digits-gan@2")
                        .doesNotContainKey("digits-gan@3");
            }
            assertThat(CommittedRecords.read(config, app.topics().deadLetters().name(), value -> true,
                    Duration.ofSeconds(2))).as("dead letters").isEmpty();
            assertThat(models.serves("digits-gan@3")).isFalse();
            assertThat(registry.get(LifecycleMetrics.REFUSED).tag("model", "digits-gan").tag("version", "3").counter().count())
                    .isEqualTo(1.0);
        }
    }

    private static void awaitServed(ModelCatalog models, String modelId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!models.serves(modelId)) {
            assertThat(System.nanoTime()).as(modelId + " served in time").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
