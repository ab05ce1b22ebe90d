package io.genstream.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.metrics.LifecycleMetrics;
import io.genstream.app.topology.CanaryFlow;
import io.genstream.app.topology.Topics;
import io.genstream.avro.ModelRoute;
import io.genstream.avro.QualityReport;
import io.genstream.avro.RouteEntry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The canary gate on hand-made quality reports: what it rolls back, and what it leaves alone. */
class CanaryGateTest {

    private static final Topics TOPICS = Topics.withPrefix("t.");
    private static final CanaryVerdict.Margins MARGINS = new CanaryVerdict.Margins(0.5, 0.1);

    private final RouteTable routes = new RouteTable();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, QualityReport> quality;
    private TestOutputTopic<String, ModelRoute> routeTopic;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        Clock clock = Clock.fixed(Instant.ofEpochMilli(50_000), ZoneOffset.UTC);
        CanaryFlow.build(builder, TOPICS, () -> new CanaryGate(routes, MARGINS, 20,
                new LifecycleMetrics(registry), clock));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "canary-gate-test");
        driver = new TopologyTestDriver(builder.build(), props);
        quality = driver.createInputTopic(TOPICS.quality().name(), TOPICS.quality().keySerde().serializer(),
                TOPICS.quality().valueSerde().serializer());
        routeTopic = driver.createOutputTopic(TOPICS.modelRoutes().name(),
                TOPICS.modelRoutes().keySerde().deserializer(), TOPICS.modelRoutes().valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static ModelRoute route(String alias, long updatedAt, RouteEntry... entries) {
        return ModelRoute.newBuilder().setAlias(alias).setRoutes(List.of(entries)).setUpdatedAt(updatedAt).build();
    }

    private void report(String name, String version, long windowEnd, long count, Map<String, Double> metrics) {
        quality.pipeInput(name + "@" + version, QualityReport.newBuilder().setModelName(name).setModelVersion(version)
                .setWindowStart(windowEnd - 2_000).setWindowEnd(windowEnd).setCount(count).setMetrics(metrics).build());
    }

    private double rollbacks(String metric) {
        var counter = registry.find(LifecycleMetrics.ROLLBACKS).tag("metric", metric).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aCanaryWhoseFrechetDistanceIsFarAboveTheIncumbentsIsRolledBackWithItsReason() {
        routes.put("digits-gan", route("digits-gan", 1_000, new RouteEntry("1", 0.8), new RouteEntry("2", 0.2)));
        report("digits-gan", "1", 4_000, 100, Map.of("frechetDistance", 40.0));
        report("digits-gan", "2", 4_000, 30, Map.of("frechetDistance", 250.0));

        ModelRoute rolledBack = routeTopic.readKeyValue().value;
        assertThat(rolledBack.getRoutes()).extracting(RouteEntry::getVersion).containsExactly("1");
        assertThat(rolledBack.getReason()).contains("digits-gan@2", "Frechet distance 250.00", "40.00");
        assertThat(rolledBack.getUpdatedAt()).isEqualTo(50_000);
        report("digits-gan", "2", 6_000, 30, Map.of("frechetDistance", 260.0));
        assertThat(routeTopic.isEmpty()).as("the same rollback written twice").isTrue();
        assertThat(registry.get(LifecycleMetrics.ROLLBACKS).tag("alias", "digits-gan").tag("version", "2")
                .tag("metric", "frechetDistance").counter().count()).isEqualTo(1.0);
        assertThat(routeTopic.isEmpty()).isTrue();
    }

    @Test
    void aCanaryWithinTheMarginsOrWithTooFewItemsOrFromBeforeTheRouteChangeStays() {
        routes.put("digits-gan", route("digits-gan", 10_000, new RouteEntry("1", 0.8), new RouteEntry("2", 0.2)));
        report("digits-gan", "1", 12_000, 100, Map.of("frechetDistance", 40.0));
        report("digits-gan", "2", 12_000, 100, Map.of("frechetDistance", 59.0)); // < 40 × 1.5
        report("digits-gan", "2", 14_000, 5, Map.of("frechetDistance", 500.0)); // too few items
        report("digits-gan", "2", 9_000, 100, Map.of("frechetDistance", 500.0)); // before the route

        assertThat(routeTopic.isEmpty()).isTrue();
        assertThat(rollbacks("frechetDistance")).isZero();
    }

    @Test
    void aTextCanaryBelowTheRoutesGrammarGateIsRolledBackEvenWithoutAnIncumbentWindow() {
        ModelRoute gated = route("catalog-gpt", 0, new RouteEntry("1", 0.9), new RouteEntry("2", 0.1));
        gated.setMinGrammarValidRate(0.8);
        routes.put("catalog-gpt", gated);
        report("catalog-gpt", "2", 4_000, 50, Map.of("grammarValid", 0.55));

        ModelRoute rolledBack = routeTopic.readValue();
        assertThat(rolledBack.getRoutes()).extracting(RouteEntry::getVersion).containsExactly("1");
        assertThat(rolledBack.getMinGrammarValidRate()).isEqualTo(0.8);
        assertThat(rolledBack.getReason()).contains("grammar-valid share 0.550 below the route's gate 0.800");
        assertThat(rollbacks("grammarValid")).isEqualTo(1.0);
    }

    @Test
    void aTextCanaryFarBelowTheIncumbentsGrammarShareIsRolledBack() {
        routes.put("catalog-lstm", route("catalog-lstm", 0, new RouteEntry("1", 0.5), new RouteEntry("2", 0.5)));
        report("catalog-lstm", "2", 4_000, 50, Map.of("grammarValid", 0.7));
        assertThat(routeTopic.isEmpty()).isTrue(); // no incumbent window yet, no gate on the route
        report("catalog-lstm", "1", 4_000, 50, Map.of("grammarValid", 0.95));

        assertThat(routeTopic.readValue().getRoutes()).extracting(RouteEntry::getVersion).containsExactly("1");
    }
}
