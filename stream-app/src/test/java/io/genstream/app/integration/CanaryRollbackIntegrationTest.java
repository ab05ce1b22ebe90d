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
import io.genstream.avro.ModelRoute;
import io.genstream.avro.RouteEntry;
import io.genstream.models.train.TrainCommand;
import io.genstream.schemas.AvroCodec;
import io.genstream.schemas.RecordDecodeException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The canary rollback, for real: the committed digits-gan v1 and a deliberately bad v2 (the tiny
 * configuration trained three steps), routed 80/20, with two-second quality windows. The gate must
 * take v2 out of the route, say why on the routes topic and in the metric, and no request may be
 * lost or duplicated on the way ({@code read_committed}).
 */
@Tag("integration")
class CanaryRollbackIntegrationTest {

    private static final AvroCodec<ModelRoute> ROUTES = AvroCodec.of(ModelRoute.class);
    @RegisterExtension
    static final BrokerPerClass BROKER = new BrokerPerClass();

    @Test
    void aWorseCanaryIsRolledBackWithItsReasonAndNoRequestIsLost(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store");
        ModelStoreCopies.copyBundled("digits-gan", "1", store);
        ModelStoreCopies.copyBundled("digits-eval", "1", store);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        assertThat(TrainCommand.run(List.of("digits-gan", "--root", store.toString(), "--preset", "tiny",
                "--steps", "3"), new PrintStream(log, true, StandardCharsets.UTF_8), System.err))
                .as("training the bad v2: %s", log).isZero();
        GenstreamConfig config = BROKER.appConfig(TestModels.config()
                .with(GenstreamConfig.MODELS_DIR, store.toString())
                .with(GenstreamConfig.QUALITY_WINDOW_MS, "2000")
                .with(GenstreamConfig.QUALITY_GRACE_MS, "200")
                .with(GenstreamConfig.CANARY_MIN_COUNT, "10"), "canary-it");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GenstreamMetrics metrics = new GenstreamMetrics(registry);
        try (ModelCatalog models = Generators.load(config, metrics);
                GenstreamApplication app = GenstreamApplication.start(config, models, metrics)) {
            assertThat(models.serves("digits-gan@2")).isTrue();
            app.awaitRunning(Duration.ofSeconds(60));
            Map<String, Double> split = new LinkedHashMap<>();
            split.put("1", 0.8);
            split.put("2", 0.2);
            String routesTopic = app.topics().modelRoutes().name();
            RouteWriter.write(GenstreamApplication.clientConfig(config), routesTopic,
                    RouteWriter.route("digits-gan", split, null, null, null, System.currentTimeMillis()));
            while (app.routes().route("digits-gan").isEmpty()) {
                Thread.sleep(50); // the route feed reads it within a poll
            }

            PacedTraffic traffic = new PacedTraffic(config, app.topics().noiseSeeds().name(), "canary-", 20, 4, 100);
            List<byte[]> routes = CommittedRecords.read(config, routesTopic,
                    value -> decode(value).getReason() != null, Duration.ofSeconds(60));
            Thread.sleep(1_000);
            Map<String, Integer> expected = traffic.stop();

            ModelRoute rolledBack = decode(routes.get(routes.size() - 1));
            assertThat(rolledBack.getReason()).as("rollback record").isNotNull()
                    .contains("digits-gan@2", "Frechet distance");
            assertThat(rolledBack.getRoutes()).extracting(RouteEntry::getVersion).containsExactly("1");
            assertThat(registry.get(LifecycleMetrics.ROLLBACKS).tag("alias", "digits-gan").tag("version", "2")
                    .tag("metric", "frechetDistance").counter().count()).isEqualTo(1.0);
            try (ContentLedger ledger = new ContentLedger(config, app.topics().content().name(), "canary-check")) {
                ledger.readUntil(RequestTraffic.total(expected), Duration.ofSeconds(90));
                ledger.readFor(Duration.ofSeconds(2));
                ledger.assertExactly(expected);
                assertThat(ledger.itemsByVersion()).containsKeys("digits-gan@1", "digits-gan@2");
            }
        }
    }

    private static ModelRoute decode(byte[] value) {
        try {
            return ROUTES.decode(value);
        } catch (RecordDecodeException e) {
            throw new AssertionError("undecodable route", e);
        }
    }
}
