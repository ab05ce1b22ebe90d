package io.genstream.app.integration;

import io.genstream.app.BrokerPerClass;
import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.kafka.TopicAdmin;
import io.genstream.app.topology.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * kill -9 of the application (a JVM of its own) again and again while requests keep arriving,
 * each time at a random moment after it has produced output, then a final restart: every request
 * still has exactly its outputs, none lost, none duplicated.
 */
@Tag("integration")
class CrashRecoveryIntegrationTest {

    /** Kill cycles; {@code -Dgenstream.crash.cycles=100} for a soak. */
    private static final int CYCLES = Integer.getInteger("genstream.crash.cycles", 10);
    private static final int REQUESTS_PER_SECOND = 100;
    /** Items an instance must have emitted before its kill moment is drawn. */
    private static final int ITEMS_PER_CYCLE = 200;
    private static final int PROMPTS = 200;
    @RegisterExtension
    static final BrokerPerClass BROKER = new BrokerPerClass();

    @Test
    void killNineTenTimesUnderLoadThenRestartLosesNothingAndDuplicatesNothing() throws Exception {
        GenstreamConfig config = BROKER.appConfig("crash-it");
        String prefix = config.get(GenstreamConfig.TOPIC_PREFIX);
        Topics topics = Topics.withPrefix(prefix);
        TopicAdmin.ensureTopics(Map.of("bootstrap.servers", BROKER.bootstrapServers()), topics.names(),
                Set.of(topics.modelRoutes().name()), 3, 1);
        Path work = Files.createTempDirectory("crash-it-");
        Map<String, String> flags = AppFlags.of(BROKER.bootstrapServers(), "crash-it", prefix, work.resolve("state"));
        Random moments = new Random(20_000L);

        // Prompts too: a text is emitted once, when its sequence is complete, even across a crash.
        Map<String, Integer> expected = new LinkedHashMap<>(RequestTraffic.producePrompts(
                config, topics.prompts().name(), "crash-text-", PROMPTS, 24, 20_001L));
        try (ContentLedger ledger = new ContentLedger(config, topics.content().name(), "crash-it-check");
                SteadyLoad load = new SteadyLoad(config, topics.noiseSeeds().name(), "crash-", REQUESTS_PER_SECOND, 2,
                        20_002L)) {
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                JvmProcess app = JvmProcess.app(flags, work.resolve("cycle-" + cycle + ".log"));
                try {
                    int before = ledger.records();
                    ledger.readUntil(before + ITEMS_PER_CYCLE, Duration.ofMinutes(2));
                    assertThat(ledger.records()).as("output in cycle %d\n%s", cycle, app.logTail())
                            .isGreaterThanOrEqualTo(before + ITEMS_PER_CYCLE);
                    ledger.readFor(Duration.ofMillis(moments.nextInt(1_500)));
                } finally {
                    app.kill9();
                }
            }
            int beforeLastStart = ledger.records();
            expected.putAll(load.stop());
            int total = RequestTraffic.total(expected);
            assertThat(beforeLastStart).as("killed while requests were still pending").isLessThan(total);

            try (JvmProcess last = JvmProcess.app(flags, work.resolve("last.log"))) {
                ledger.readUntil(total, Duration.ofMinutes(Math.max(4, CYCLES / 4)));
                assertThat(ledger.records()).as("all outputs after the last restart\n%s", last.logTail())
                        .isGreaterThanOrEqualTo(total);
                ledger.readFor(Duration.ofSeconds(3));
                assertThat(last.isAlive()).isTrue();
            }
            System.out.printf("crash recovery: %d kill -9 cycles; %d noise-seed requests and %d prompts, %d items;"
                    + " %d read before the last restart%n", CYCLES, expected.size() - PROMPTS, PROMPTS, total,
                    beforeLastStart);
            ledger.assertExactly(expected);
        } finally {
            Utils.delete(work.toFile());
        }
    }
}
