package io.genstream.app.integration;

import io.genstream.app.BrokerPerClass;
import io.genstream.app.GenstreamApplication;
import io.genstream.app.Generators;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.metrics.GenstreamMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real thing: an embedded KRaft broker, the real trained model, the production application
 * with exactly_once_v2, and a read_committed consumer checking every output.
 */
@Tag("integration")
class ExactlyOnceIntegrationTest {

    @RegisterExtension
    static final BrokerPerClass BROKER = new BrokerPerClass();

    @Test
    void everyRequestGetsExactlyItsItemsImagesAndTextsNoneDuplicatedUnderReadCommitted() throws Exception {
        GenstreamConfig config = BROKER.appConfig("eos-it").with(GenstreamConfig.TOPIC_PARTITIONS, "3");
        GenstreamMetrics metrics = new GenstreamMetrics(new SimpleMeterRegistry());
        try (ModelCatalog models = Generators.load(config, metrics);
                GenstreamApplication app = GenstreamApplication.start(config, models, metrics)) {
            app.awaitRunning(Duration.ofSeconds(60));
            Map<String, Integer> expected = new LinkedHashMap<>(RequestTraffic.produce(
                    config, app.topics().noiseSeeds().name(), "eos-", 1_000, 5, 1000L));
            expected.putAll(RequestTraffic.producePrompts(
                    config, app.topics().prompts().name(), "eos-text-", 200, 32, 1001L));

            try (ContentLedger ledger = new ContentLedger(config, app.topics().content().name(), "eos-it-check")) {
                ledger.readUntil(RequestTraffic.total(expected), Duration.ofMinutes(4));
                ledger.readFor(Duration.ofSeconds(3));
                ledger.assertExactly(expected);
            }
        }
    }
}
