package io.genstream.app.integration;

import io.genstream.app.BrokerPerClass;
import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.GenstreamApplication;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.generator.PoisonedImageModel;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.topology.Topics;
import io.genstream.avro.NoiseSeedEvent;
import io.genstream.schemas.AvroCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Inference that throws inside a running generator, on a real broker with exactly-once: each
 * request has exactly its images or exactly one GENERATION_FAILED dead letter; every poisoned
 * request is among the dead letters; the stream keeps serving.
 */
@Tag("integration")
class InferenceFailureIntegrationTest {

    private static final int REQUESTS = 2_000;
    private static final int POISONED_LABEL = 9;
    @RegisterExtension
    static final BrokerPerClass BROKER = new BrokerPerClass();

    @Test
    void aThrowingModelCallDeadLettersItsOwnRequestsOnceAndEveryOtherRequestIsServedOnce() throws Exception {
        GenstreamConfig config = BROKER.appConfig("inference-failure-it")
                // Small batches: a failing call takes fewer innocent requests down with it.
                .with(GenstreamConfig.BATCH_MAX_SIZE, "8");
        GenstreamMetrics metrics = new GenstreamMetrics(new SimpleMeterRegistry());
        PoisonedImageModel model = PoisonedImageModel.digitsGan(POISONED_LABEL);
        try (ModelCatalog models = ModelCatalog.of(List.of(model), GenstreamApplication.batchSettings(config),
                        metrics::batcher);
                GenstreamApplication app = GenstreamApplication.start(config, models, metrics)) {
            app.awaitRunning(Duration.ofSeconds(60));
            Topics topics = app.topics();
            Set<String> poisoned = new TreeSet<>();
            Map<String, Integer> expected = produce(config, topics, poisoned);

            try (ContentLedger ledger = new ContentLedger(config, topics, "inference-failure-it-check")) {
                ledger.readUntilSettled(expected, Duration.ofMinutes(2));
                ledger.readFor(Duration.ofSeconds(3));
                Set<String> deadLettered = ledger.assertItemsOrOneDeadLetter(expected);
                assertThat(deadLettered).containsAll(poisoned);
                assertThat(ledger.deadLetterReasons().values()).containsOnly("GENERATION_FAILED");
                assertThat(ledger.records()).as("images of the requests served")
                        .isEqualTo(expected.entrySet().stream().filter(e -> !deadLettered.contains(e.getKey()))
                                .mapToInt(Map.Entry::getValue).sum());
                assertThat(model.failedCalls()).isPositive();
                assertThat(metrics.registry().get(GenstreamMetrics.REJECTED).tag("reason", "GENERATION_FAILED")
                        .counter().count()).isEqualTo(deadLettered.size());
                System.out.printf("inference failure: %d requests, %d poisoned, %d dead-lettered (%d failed model"
                        + " calls), %d images; 0 lost, 0 duplicated%n", expected.size(), poisoned.size(),
                        deadLettered.size(), model.failedCalls(), ledger.records());
            }
        }
    }

    /** Requests for labels 0-8, and one in 50 for the poisoned label; returns requestId → count. */
    private static Map<String, Integer> produce(GenstreamConfig config, Topics topics, Set<String> poisoned) {
        AvroCodec<NoiseSeedEvent> codec = AvroCodec.of(NoiseSeedEvent.class);
        Random random = new Random(6L);
        Map<String, Integer> expected = new LinkedHashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = RequestTraffic.producer(config)) {
            for (int i = 0; i < REQUESTS; i++) {
                String requestId = "infer-" + i;
                boolean poison = random.nextInt(50) == 0;
                NoiseSeedEvent event = NoiseSeedEvent.newBuilder(RequestTraffic.noiseSeed(requestId, 3, random))
                        .setLabel(poison ? POISONED_LABEL : random.nextInt(POISONED_LABEL)).build();
                producer.send(new ProducerRecord<>(topics.noiseSeeds().name(),
                        requestId.getBytes(StandardCharsets.UTF_8), codec.encode(event)));
                expected.put(requestId, event.getCount());
                if (poison) {
                    poisoned.add(requestId);
                }
            }
            producer.flush();
        }
        return expected;
    }
}
