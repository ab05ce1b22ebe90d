package io.genstream.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.TestModels;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.avro.NoiseSeedEvent;
import io.genstream.avro.RejectedEvent;
import io.genstream.app.validation.RejectionReason;
import io.genstream.schemas.AvroCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * The per-key request rate of the production topology: decided by record time and a
 * changelogged window store, so the same input always gets the same verdicts.
 */
class RequestRateLimitTest {

    private static final AvroCodec<NoiseSeedEvent> CODEC = AvroCodec.of(NoiseSeedEvent.class);
    private static final long WINDOW_MS = 1_000;
    private static final long T0 = Instant.parse("2026-11-22T12:00:00Z").toEpochMilli();

    /** One run of the topology over the given records (key, record time); what came out. */
    private record Run(List<String> generated, List<RejectedEvent> rejected, double rateLimitedCount) {}

    private static Run run(GenstreamConfig config, List<TestRecord<byte[], byte[]>> input) throws Exception {
        return run(config, input, Instant.ofEpochMilli(T0));
    }

    private static Run run(GenstreamConfig config, List<TestRecord<byte[], byte[]>> input, Instant wallClock)
            throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Clock clock = Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC);
        try (ModelCatalog models = TestModels.catalog();
                ProductionDriver app = ProductionDriver.start("rate-limit-test", config, models,
                        new GenstreamMetrics(registry), clock, wallClock)) {
            input.forEach(app.noiseSeeds::pipeInput);
            Drain.pending(app.driver);
            List<String> generated = app.content.readValuesToList().stream()
                    .map(c -> c.getRequestId().toString()).toList();
            double counted = registry.find(GenstreamMetrics.REJECTED)
                    .tag("reason", RejectionReason.RATE_LIMITED.name()).counters().stream()
                    .mapToDouble(c -> c.count()).sum();
            return new Run(generated, app.deadLetters.readValuesToList(), counted);
        }
    }

    private static TestRecord<byte[], byte[]> request(String key, String requestId, long time) {
        NoiseSeedEvent event = NoiseSeedEvent.newBuilder().setRequestId(requestId).setModel("digits-gan")
                .setSeed(requestId.hashCode()).setCount(1).setLabel(null).setCreatedAt(time).build();
        return new TestRecord<>(key.getBytes(StandardCharsets.UTF_8), CODEC.encode(event), Instant.ofEpochMilli(time));
    }

    private static GenstreamConfig limited(int perKey) {
        return TestModels.config()
                .with(GenstreamConfig.RATE_LIMIT_PER_KEY, Integer.toString(perKey))
                .with(GenstreamConfig.RATE_LIMIT_WINDOW_MS, Long.toString(WINDOW_MS));
    }

    @Test
    void aKeyBeyondItsRateInOneWindowGoesToTheDeadLettersCountedOtherKeysAndLaterWindowsAreServed()
            throws Exception {
        List<TestRecord<byte[], byte[]>> input = List.of(
                request("user-a", "a-1", T0),
                request("user-a", "a-2", T0 + 10),
                request("user-b", "b-1", T0 + 20),
                request("user-a", "a-3", T0 + 30),  // third of user-a in this window: over a limit of 2
                request("user-a", "a-4", T0 + 999), // still the same window
                request("user-a", "a-5", T0 + WINDOW_MS)); // the next window starts afresh

        Run run = run(limited(2), input);

        assertThat(run.generated()).containsExactlyInAnyOrder("a-1", "a-2", "b-1", "a-5");
        assertThat(run.rejected()).extracting(RejectedEvent::getReason)
                .containsExactly("RATE_LIMITED", "RATE_LIMITED");
        assertThat(run.rejected()).extracting(r -> r.getOffset()).containsExactly(3L, 4L);
        assertThat(run.rateLimitedCount()).isEqualTo(2.0);
    }

    @Test
    void theVerdictsDependOnRecordTimeOnlySoAReplayDecidesTheSame() throws Exception {
        List<TestRecord<byte[], byte[]>> input = List.of(
                request("k", "r-1", T0), request("k", "r-2", T0 + 1), request("k", "r-3", T0 + 2),
                request("k", "r-4", T0 + 3 * WINDOW_MS), request("k", "r-5", T0 + 3 * WINDOW_MS + 1));

        Run first = run(limited(1), input);
        // The replay runs an hour later by the wall clock: that must change nothing.
        Run replay = run(limited(1), input, Instant.ofEpochMilli(T0).plusSeconds(3_600));

        assertThat(first.generated()).containsExactlyInAnyOrder("r-1", "r-4");
        assertThat(replay.generated()).containsExactlyInAnyOrderElementsOf(first.generated());
        assertThat(replay.rejected()).extracting(RejectedEvent::getOffset)
                .containsExactlyElementsOf(first.rejected().stream().map(RejectedEvent::getOffset).toList());
    }

    @Test
    void aRecordTwoWindowsBehindTheStreamIsRefusedSoAnOldTimestampIsNoWayAroundTheLimit() throws Exception {
        List<TestRecord<byte[], byte[]>> input = List.of(
                request("k", "now", T0 + 10 * WINDOW_MS),
                request("other", "old", T0), // far behind: its window is no longer counted
                request("third", "late", T0 + 9 * WINDOW_MS)); // one window late: still counted

        Run run = run(limited(5), input);

        assertThat(run.generated()).containsExactlyInAnyOrder("now", "late");
        assertThat(run.rejected()).extracting(RejectedEvent::getReason).containsExactly("RATE_LIMITED");
        assertThat(run.rejected()).extracting(RejectedEvent::getOffset).containsExactly(1L);
    }

    @Test
    void withTheDefaultConfigurationThereIsNoLimit() throws Exception {
        List<TestRecord<byte[], byte[]>> input = List.of(
                request("k", "d-1", T0), request("k", "d-2", T0), request("k", "d-3", T0), request("k", "d-4", T0));

        Run run = run(TestModels.config(), input);

        assertThat(run.generated()).containsExactlyInAnyOrder("d-1", "d-2", "d-3", "d-4");
        assertThat(run.rejected()).isEmpty();
    }
}
