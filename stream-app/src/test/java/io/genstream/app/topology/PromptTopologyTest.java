package io.genstream.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.TestModels;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.validation.RejectionReason;
import io.genstream.avro.ContentKind;
import io.genstream.avro.GeneratedContent;
import io.genstream.avro.PromptEvent;
import io.genstream.avro.RejectedEvent;
import io.genstream.models.text.CatalogGrammar;
import io.genstream.schemas.AvroCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The production prompt topology, driven by {@link TopologyTestDriver} with the real trained text models. */
class PromptTopologyTest {

    private static final GenstreamConfig CONFIG = TestModels.config()
            .with(GenstreamConfig.MAX_TOKENS, "100")
            .with(GenstreamConfig.MAX_PROMPT_CHARS, "60");
    private static final AvroCodec<PromptEvent> CODEC = AvroCodec.of(PromptEvent.class);
    private static final Map<String, String> RUNNER_SHOES =
            Map.of("segment", "runners", "category", "footwear", "item", "trail shoe", "features", "cushioned,light");
    private static ModelCatalog models;

    private SimpleMeterRegistry registry;
    private ProductionDriver app;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> prompts;
    private TestOutputTopic<String, GeneratedContent> content;
    private TestOutputTopic<byte[], RejectedEvent> deadLetters;

    @BeforeAll
    static void loadModels() throws Exception {
        models = TestModels.catalog(CONFIG);
    }

    @AfterAll
    static void closeModels() {
        models.close();
    }

    @BeforeEach
    void startDriver() {
        registry = new SimpleMeterRegistry();
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);
        app = ProductionDriver.start("prompt-topology-test", CONFIG, models, new GenstreamMetrics(registry), clock);
        driver = app.driver;
        prompts = app.prompts;
        content = app.content;
        deadLetters = app.deadLetters;
    }

    @AfterEach
    void closeDriver() {
        app.close();
    }

    private void send(PromptEvent event) {
        prompts.pipeInput(event.getRequestId().getBytes(StandardCharsets.UTF_8), CODEC.encode(event));
    }

    private Map<String, GeneratedContent> generate(List<PromptEvent> events) throws InterruptedException {
        events.forEach(this::send);
        Drain.pending(driver);
        return content.readValuesToList().stream()
                .collect(Collectors.toMap(GeneratedContent::getRequestId, Function.identity()));
    }

    private static PromptEvent blurb(String requestId, String model, long seed) {
        return PromptEvents.valid(requestId).setModel(model).setSeed(seed).setContext(RUNNER_SHOES)
                .setPrompt("this").setMaxTokens(100).build();
    }

    @Test
    void aPromptGivesOneTextRecordThatContinuesIt() throws Exception {
        for (String model : List.of("catalog-gpt", "catalog-lstm")) {
            GeneratedContent text = generate(List.of(blurb("p-" + model, model, 7L))).get("p-" + model);

            assertThat(text.getKind()).isEqualTo(ContentKind.TEXT);
            assertThat(text.getModelName()).isEqualTo(model);
            assertThat(text.getIndex()).isZero();
            assertThat(text.getImage()).isNull();
            assertThat(text.getSeed()).isEqualTo(7L);
            assertThat(text.getText()).startsWith("this").hasSizeGreaterThan(10).doesNotContain("\n");
            assertThat(text.getScores().get("tokens")).isBetween(1.0, 100.0);
            assertThat(text.getScores().get("meanLogProb")).isNegative().isGreaterThan(-5.0);
            assertThat(text.getScores()).containsKeys("grammarValid", "contextValid", "distinct1", "distinct2",
                    "repetition").doesNotContainKeys("bleu", "rougeL");
            assertThat(text.getScores().get("grammarValid"))
                    .isEqualTo(CatalogGrammar.isValid(text.getText()) ? 1.0 : 0.0);
            assertThat(text.getEmittedAt()).isEqualTo(Instant.parse("2026-11-22T12:00:00Z").toEpochMilli());
        }
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void theSameSeedGivesTheSameTextWhateverItIsBatchedWith() throws Exception {
        String alone = generate(List.of(blurb("alone", "catalog-gpt", 11L))).get("alone").getText();

        List<PromptEvent> crowd = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            crowd.add(blurb("other-" + i, "catalog-gpt", 100L + i));
            if (i == 13) {
                crowd.add(blurb("crowded", "catalog-gpt", 11L));
            }
        }
        Map<String, GeneratedContent> out = generate(crowd);

        assertThat(out.get("crowded").getText()).isEqualTo(alone);
        assertThat(out.get("crowded").getBatchSize()).isGreaterThan(1); // it did share model steps
        // Other seeds give other texts: the seed is what fixes the sample. (With one context and one
        // prompt a well-trained model has few likely blurbs: 21 seeds gave 9 distinct ones.)
        assertThat(out.values().stream().map(GeneratedContent::getText).distinct().count()).isGreaterThan(4);
    }

    @Test
    void generationStopsAtMaxTokens() throws Exception {
        List<PromptEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(PromptEvents.valid("short-" + i).setSeed((long) i).setContext(RUNNER_SHOES)
                    .setPrompt("this").setMaxTokens(4).build());
        }
        Map<String, GeneratedContent> out = generate(events);

        assertThat(out).hasSize(10);
        for (GeneratedContent text : out.values()) {
            assertThat(text.getScores().get("tokens")).isLessThanOrEqualTo(4.0);
            assertThat(text.getText().length()).isLessThanOrEqualTo("this".length() + 4);
        }
        // A blurb is far longer than four characters, so nearly every one is cut by maxTokens.
        assertThat(out.values().stream().filter(t -> t.getScores().get("tokens") == 4.0).count()).isGreaterThan(7);
    }

    @Test
    void aStopStringEndsTheTextAndIsNotIncluded() throws Exception {
        GeneratedContent text = generate(List.of(PromptEvents.valid("stop").setSeed(3L).setContext(RUNNER_SHOES)
                .setPrompt("this").setMaxTokens(100).setStop(List.of(" ")).build())).get("stop");

        assertThat(text.getText()).doesNotContain(" ").startsWith("this");
    }

    @Test
    void mostBlurbsAtTemperatureZeroPointEightBelongToTheGrammar() throws Exception {
        List<PromptEvent> events = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            events.add(PromptEvents.valid("g-" + i).setSeed((long) i).setContext(RUNNER_SHOES).setPrompt("this")
                    .setMaxTokens(100).build());
        }
        long valid = generate(events).values().stream().filter(t -> CatalogGrammar.isValid(t.getText())).count();

        assertThat(valid).isGreaterThanOrEqualTo(8);
    }

    @Test
    void invalidParametersGoToTheDeadLetterTopicWithTheirReasonAndTheStreamGoesOn() throws Exception {
        Map<String, RejectionReason> expected = Map.of(
                "nan", RejectionReason.INVALID_PARAMETER,
                "negative", RejectionReason.INVALID_PARAMETER,
                "topp-zero", RejectionReason.INVALID_PARAMETER,
                "topp-big", RejectionReason.INVALID_PARAMETER,
                "tokens", RejectionReason.TOO_LARGE,
                "long-prompt", RejectionReason.TOO_LARGE,
                "empty", RejectionReason.INVALID_PARAMETER,
                "unknown", RejectionReason.UNKNOWN_MODEL);
        send(PromptEvents.valid("nan").setTemperature(Float.NaN).build());
        send(PromptEvents.valid("negative").setTemperature(-1f).build());
        send(PromptEvents.valid("topp-zero").setTopP(0f).build());
        send(PromptEvents.valid("topp-big").setTopP(1.01f).build());
        send(PromptEvents.valid("tokens").setMaxTokens(101).build());
        send(PromptEvents.valid("long-prompt").setPrompt("a".repeat(61)).build());
        send(PromptEvents.valid("empty").setPrompt("").build());
        send(PromptEvents.valid("unknown").setModel("digits-gan").build());
        send(PromptEvents.valid("fine").build());
        Drain.pending(driver);

        Map<String, String> reasons = new java.util.HashMap<>();
        for (var record : deadLetters.readRecordsToList()) {
            reasons.put(new String(record.key(), StandardCharsets.UTF_8), record.value().getReason());
        }
        assertThat(reasons).hasSize(expected.size());
        expected.forEach((key, reason) -> assertThat(reasons).containsEntry(key, reason.name()));
        assertThat(content.readValuesToList()).extracting(GeneratedContent::getRequestId).containsExactly("fine");
        assertThat(registry.get("genstream.rejected").tag("reason", "INVALID_PARAMETER").counter().count())
                .isEqualTo(5.0);
    }

    @Test
    void aReferenceAddsBleuAndRougeL() throws Exception {
        GeneratedContent text = generate(List.of(PromptEvents.valid("ref").setContext(RUNNER_SHOES)
                .setTemperature(0f).setReference("this trail shoe is light, made for runners.").build())).get("ref");

        assertThat(text.getScores().get("bleu")).isBetween(0.0, 1.0);
        assertThat(text.getScores().get("rougeL")).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
    }

    @Test
    void charactersOutsideTheVocabularyAreNormalisedOrDroppedAndCounted() throws Exception {
        GeneratedContent text = generate(List.of(PromptEvents.valid("oov").setPrompt("Café 日本")
                .setContext(RUNNER_SHOES).build())).get("oov");

        assertThat(text.getText()).startsWith("cafe ");
        assertThat(text.getScores().get("droppedChars")).isEqualTo(2.0);
    }
}
