package io.genstream.app.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.TestModels;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.kafka.EmbeddedKafkaBroker;
import io.genstream.app.kafka.TopicAdmin;
import io.genstream.app.topology.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the application (a JVM of its own) in the middle of a 20,000-event run, then a
 * restart: every request still has exactly its outputs, none lost, none duplicated.
 */
@Tag("integration")
class CrashRecoveryIntegrationTest {

    private static final int EVENTS = 20_000;
    private static final int PROMPTS = 400;
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void killNineMidRunThenRestartLosesNothingAndDuplicatesNothing() throws Exception {
        String prefix = "crash-it.";
        GenstreamConfig config = TestModels.config()
                .with(GenstreamConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(GenstreamConfig.TOPIC_PREFIX, prefix);
        Topics topics = Topics.withPrefix(prefix);
        TopicAdmin.ensureTopics(Map.of("bootstrap.servers", broker.bootstrapServers()), topics.names(),
                Set.of(topics.modelRoutes().name()), 3, 1);
        Path work = Files.createTempDirectory("crash-it-");
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("bootstrap.servers", broker.bootstrapServers());
        flags.put("models.dir", TestModels.MODEL_STORE.toString());
        flags.put("application.id", "crash-it");
        flags.put("topic.prefix", prefix);
        flags.put("device", "cpu");
        flags.put("streams.state.dir", work.resolve("state").toString());
        // A killed member is noticed after this long, not after the 45 s default.
        flags.put("kafka.session.timeout.ms", "6000");

        Map<String, Integer> expected = new LinkedHashMap<>(RequestTraffic.produce(
                config, topics.noiseSeeds().name(), "crash-", EVENTS, 2, 20_000L));
        // Prompts too: a text is emitted once, when its sequence is complete, even across a crash.
        expected.putAll(RequestTraffic.producePrompts(config, topics.prompts().name(), "crash-text-", PROMPTS, 24,
                20_001L));
        int total = RequestTraffic.total(expected);

        try (ContentLedger ledger = new ContentLedger(config, topics.content().name(), "crash-it-check")) {
            AppProcess first = AppProcess.start(flags, work.resolve("first.log"));
            try {
                ledger.readUntil(total / 3, Duration.ofMinutes(3));
                assertThat(ledger.records()).as("output before the kill\n%s", first.logTail()).isGreaterThan(0);
                assertThat(ledger.records()).as("killed mid-run").isLessThan(total);
            } finally {
                first.kill9();
            }
            int beforeRestart = ledger.records();

            try (AppProcess second = AppProcess.start(flags, work.resolve("second.log"))) {
                ledger.readUntil(total, Duration.ofMinutes(4));
                assertThat(ledger.records()).as("all outputs after restart\n%s", second.logTail())
                        .isGreaterThanOrEqualTo(total);
                ledger.readFor(Duration.ofSeconds(5));
                assertThat(second.isAlive()).isTrue();
            }
            System.out.printf("crash recovery: %d noise-seed events and %d prompts, %d items; %d read before kill -9,"
                    + " %d after restart%n", EVENTS, PROMPTS, total, beforeRestart, ledger.records() - beforeRestart);
            ledger.assertExactly(expected);
        } finally {
            Utils.delete(work.toFile());
        }
    }
}
