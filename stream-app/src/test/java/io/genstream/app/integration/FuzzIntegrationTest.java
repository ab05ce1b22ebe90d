package io.genstream.app.integration;

import io.genstream.app.BrokerPerClass;
import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.GenstreamApplication;
import io.genstream.app.Generators;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.topology.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 10,000 seeded bad records of many kinds mixed with good requests, through a real broker and
 * the running app: every bad record lands once on the dead-letter topic with its reason and is
 * counted under it, every good request is generated, the app keeps running, and the heap after
 * garbage collection does not grow with the input.
 */
@Tag("integration")
class FuzzIntegrationTest {

    /** Bad records; {@code -Dgenstream.fuzz.records=200000} for a soak. */
    private static final int BAD = Integer.getInteger("genstream.fuzz.records", 10_000);
    private static final int GOOD_SEEDS = BAD / 10;
    private static final int GOOD_PROMPTS = 40;
    /** Fuzz seed; set {@code -Dgenstream.fuzz.seed} to replay a failing run. */
    private static final long SEED = Long.getLong("genstream.fuzz.seed", 66L);
    private static final int MAX_INPUT_BYTES = 64 * 1024;
    /** Growth of the heap (used, after GC) allowed between before and after the fuzz. */
    private static final long HEAP_GROWTH_BOUND = 128L << 20;
    @RegisterExtension
    static final BrokerPerClass BROKER = new BrokerPerClass();

    @Test
    void everyBadRecordIsDeadLetteredOnceWithItsReasonEveryGoodOneIsGeneratedAndTheHeapStaysBounded()
            throws Exception {
        GenstreamConfig config = BROKER.appConfig("fuzz-it")
                .with(GenstreamConfig.MAX_INPUT_BYTES, Integer.toString(MAX_INPUT_BYTES));
        List<FuzzRecords.Fuzz> records = new FuzzRecords(SEED, MAX_INPUT_BYTES).mixed(BAD, GOOD_SEEDS, GOOD_PROMPTS);
        Map<String, Integer> expected = new LinkedHashMap<>();
        Map<String, String> reasons = new TreeMap<>();
        for (FuzzRecords.Fuzz record : records) {
            expected.put(record.key(), record.reason() == null ? record.items() : 0);
            if (record.reason() != null) {
                reasons.put(record.key(), record.reason());
            }
        }
        int outcomes = reasons.size() + records.stream().mapToInt(FuzzRecords.Fuzz::items).sum();

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GenstreamMetrics metrics = new GenstreamMetrics(registry);
        try (ModelCatalog models = Generators.load(config, metrics);
                GenstreamApplication app = GenstreamApplication.start(config, models, metrics);
                ContentLedger ledger = new ContentLedger(config, app.topics(), "fuzz-it-check")) {
            app.awaitRunning(Duration.ofSeconds(60));
            long heapBefore = usedHeapAfterGc();
            produce(config, app.topics(), records);
            ledger.readUntil(outcomes, Duration.ofMinutes(3 + BAD / 20_000));
            ledger.readFor(Duration.ofSeconds(2));
            long heapAfter = usedHeapAfterGc();

            assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
            Set<String> deadLettered = ledger.assertItemsOrOneDeadLetter(expected);
            assertThat(deadLettered).containsExactlyInAnyOrderElementsOf(reasons.keySet());
            assertThat(new TreeMap<>(ledger.deadLetterReasons())).isEqualTo(reasons);
            Map<String, Long> byReason = reasons.values().stream()
                    .collect(Collectors.groupingBy(r -> r, TreeMap::new, Collectors.counting()));
            byReason.forEach((reason, count) -> assertThat(registry.find(GenstreamMetrics.REJECTED)
                    .tag("reason", reason).counters().stream().mapToDouble(Counter::count).sum())
                    .as("genstream.rejected{reason=%s}", reason).isEqualTo(count.doubleValue()));
            System.out.printf("fuzz (seed %d): %d bad records %s, %d good requests, %d items; heap after GC %d MiB"
                    + " before, %d MiB after%n", SEED, reasons.size(), byReason, expected.size() - reasons.size(),
                    ledger.records(), heapBefore >> 20, heapAfter >> 20);
            assertThat(heapAfter - heapBefore).as("heap growth after GC").isLessThan(HEAP_GROWTH_BOUND);
        }
    }

    private static void produce(GenstreamConfig config, Topics topics, List<FuzzRecords.Fuzz> records) {
        try (KafkaProducer<byte[], byte[]> producer = RequestTraffic.producer(config)) {
            for (FuzzRecords.Fuzz record : records) {
                String topic = record.prompt() ? topics.prompts().name() : topics.noiseSeeds().name();
                producer.send(new ProducerRecord<>(topic, record.key().getBytes(StandardCharsets.UTF_8),
                        record.value()));
            }
            producer.flush();
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
