package io.genstream.app.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.GenstreamApplication;
import io.genstream.app.Generators;
import io.genstream.app.TestModels;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.kafka.EmbeddedKafkaBroker;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.topology.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The broker (a JVM of its own, fixed ports and data folder) killed with SIGKILL and started
 * again, twice, while requests keep arriving and the app keeps generating: afterwards every
 * request has exactly its outputs, none lost, none duplicated.
 */
@Tag("integration")
class BrokerRestartIntegrationTest {

    /** Broker kills and restarts; {@code -Dgenstream.broker.restarts=10} for a soak. */
    private static final int RESTARTS = Integer.getInteger("genstream.broker.restarts", 2);
    private static final int REQUESTS_PER_SECOND = 200;

    @Test
    void killingAndRestartingTheBrokerUnderLoadLosesNothingAndDuplicatesNothing() throws Exception {
        Path work = Files.createTempDirectory("broker-restart-it-");
        List<String> brokerArgs = List.of(work.resolve("kafka").toString(),
                Integer.toString(EmbeddedKafkaBroker.freePort()), Integer.toString(EmbeddedKafkaBroker.freePort()));
        String bootstrap = "127.0.0.1:" + brokerArgs.get(1);
        JvmProcess broker = startBroker(brokerArgs, work.resolve("broker-0.log"));
        GenstreamConfig config = TestModels.config()
                .with(GenstreamConfig.BOOTSTRAP_SERVERS, bootstrap)
                .with(GenstreamConfig.APPLICATION_ID, "broker-restart-it")
                .with(GenstreamConfig.TOPIC_PREFIX, "broker-restart-it.")
                .with(GenstreamConfig.TOPIC_REPLICATION, "1")
                .with(GenstreamConfig.STATE_DIR, work.resolve("state").toString());
        GenstreamMetrics metrics = new GenstreamMetrics(new SimpleMeterRegistry());
        try (ModelCatalog models = Generators.load(config, metrics);
                GenstreamApplication app = GenstreamApplication.start(config, models, metrics)) {
            app.awaitRunning(Duration.ofSeconds(60));
            Topics topics = app.topics();
            try (ContentLedger ledger = new ContentLedger(config, topics.content().name(), "broker-restart-it-check");
                    SteadyLoad load = new SteadyLoad(config, topics.noiseSeeds().name(), "restart-",
                            REQUESTS_PER_SECOND, 3, 7L)) {
                for (int restart = 1; restart <= RESTARTS; restart++) {
                    int before = ledger.records();
                    ledger.readUntil(before + 200, Duration.ofMinutes(2));
                    assertThat(ledger.records()).as("output before broker restart %d", restart).isGreaterThan(before);
                    broker.kill9();
                    Thread.sleep(1_000); // requests pile up in the producer meanwhile
                    broker = startBroker(brokerArgs, work.resolve("broker-" + restart + ".log"));
                }
                int beforeLast = ledger.records();
                ledger.readUntil(beforeLast + 200, Duration.ofMinutes(2));
                Map<String, Integer> expected = load.stop();
                int total = RequestTraffic.total(expected);
                ledger.readUntil(total, Duration.ofMinutes(3));
                ledger.readFor(Duration.ofSeconds(3));
                System.out.printf("broker restart: %d kill -9 and restarts of the broker; %d requests, %d items;"
                        + " %d read%n", RESTARTS, expected.size(), total, ledger.records());
                ledger.assertExactly(expected);
            }
        } finally {
            broker.close();
            Utils.delete(work.toFile());
        }
    }

    private static JvmProcess startBroker(List<String> args, Path log) throws Exception {
        JvmProcess broker = JvmProcess.start(StandaloneBroker.class.getName(), args, log);
        broker.awaitLog(StandaloneBroker.READY, Duration.ofSeconds(90));
        return broker;
    }
}
