package io.genstream.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import io.genstream.app.generator.TextModelInfo;
import io.genstream.models.text.CharVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchJsonTest {

    private static final BenchResult.Setup SETUP = new BenchResult.Setup(
            "digits-gan@1", 2, "[cpu()]", 128, 10, 1, 1, 100, 3, 1, 0.5);

    private static BenchResult result(double genstreamRate, double p99, BatchMeters calls) {
        LimitBench.Point one = new LimitBench.Point(1, 2000, 0.5);
        LimitBench.Point best = new LimitBench.Point(128, 10_000, 12.8);
        return new BenchResult(SETUP, new LimitBench.Result(List.of(one, best), best),
                new Throughput(1000, 18_000, 16.2, 19.0, 1010),
                new Throughput(genstreamRate, 36_000, 5.4, 7.0, genstreamRate * 1.1), new BatchMeters(300, 15_000, 36_000),
                new Latency(genstreamRate / 2, 1000, 900, 30, 6, p99, 30, 60, 110, calls,
                        new Latency.Parts(1, 9, 2, 4, 3, 12), new CommitMeters(300, 3000, 1500, 4500, 12_000),
                        List.of(14.0, 12.0, p99, 11.0)),
                new Latency(genstreamRate / 20, 100, 90, 15, 4, 9, 11, 50, 90, new BatchMeters(95, 380, 100),
                        new Latency.Parts(0, 1, 3, 5, 1, 4), new CommitMeters(150, 900, 450, 1350, 3_000),
                        List.of(9.0, 8.0, 7.0, 9.0)),
                Map.of("limit", new CpuUse(1.9, Double.NaN, 0.4)), List.of(TEXT));
    }

    /**
     * catalog-gpt, three rounds. The median round by continuous over one-at-a-time is the second (3,200 against 320
     * tokens/s: 10×); by closed loop over one-at-a-time it is the third (1,800 against 400: 4.5×).
     */
    private static final TextBench.Result TEXT = new TextBench.Result(
            new TextModelInfo("catalog-gpt", "1", "gpt", CharVocabulary.catalog(), 128, 16),
            List.of(round(300, 1500, 2700), round(320, 1280, 3200), round(400, 1800, 4400)));

    private static TextBench.Round round(double sequential, double closedLoop, double continuous) {
        return new TextBench.Round(
                new GenerationRun(1, 256, 1600, 1600 / sequential, sequential, 2500, 4900, 3, 1, 1, 4.2, 0.3),
                new GenerationRun(32, 256, 1600, 1600 / continuous, continuous, 400, 480, 20, 18.5, 18.5, 0.41, 0.04),
                new GenerationRun(32, 256, 1600, 1600 / closedLoop, closedLoop, 300, 420, 20, 28.5, 28.5, 0.8, 0.1));
    }

    @Test
    void jsonHasEveryRequiredFigureAndTheTargets(@TempDir Path dir) throws Exception {
        // 20 calls of 40 ms in all: one batch 2 ms, so the p99 bound is 10 + 3 × 2 = 16 ms.
        BenchResult result = result(7000, 15, new BatchMeters(20, 40, 100));
        Path file = dir.resolve("out/bench.json");

        BenchJson.write(result, file);
        JsonNode json = new ObjectMapper().readTree(Files.readString(file));

        assertThat(json.isObject()).isTrue();
        for (String key : List.of("limit_samples_per_s", "baseline_samples_per_s", "genstream_samples_per_s",
                "p50_ms", "p99_ms", "max_batch_delay_ms", "batch_inference_ms")) {
            assertThat(json.get(key)).as(key).isNotNull();
            assertThat(json.get(key).isNumber()).as(key).isTrue();
        }
        assertThat(json.get("limit_samples_per_s").asDouble()).isEqualTo(10_000);
        assertThat(json.get("limit_best_batch_size").asInt()).isEqualTo(128);
        assertThat(json.get("limit_by_batch_size")).hasSize(2);
        assertThat(json.get("batch_inference_ms").asDouble()).isEqualTo(2.0);
        assertThat(json.get("p99_bound_ms").asDouble()).isEqualTo(16.0);
        assertThat(json.get("p_over_l").asDouble()).isCloseTo(0.7, within(1e-9));
        assertThat(json.get("p_over_b").asDouble()).isCloseTo(7.0, within(1e-9));
        assertThat(json.get("machine_cores").asInt()).isEqualTo(2);
        assertThat(json.get("genstream_events").asInt()).isEqualTo(36_000);
        assertThat(json.get("baseline_last_half_samples_per_s").asDouble()).isEqualTo(1010.0);
        assertThat(json.get("genstream_mean_batch_size").asDouble()).isEqualTo(120.0);
        assertThat(json.get("genstream_batch_call_ms").asDouble()).isEqualTo(50.0);
        assertThat(json.get("latency_mean_batch_size").asDouble()).isEqualTo(5.0);
        assertThat(json.get("p99_by_quarter_ms")).extracting(JsonNode::asDouble).containsExactly(14.0, 12.0, 15.0, 11.0);
        assertThat(json.get("light_load").get("offered_per_s").asDouble()).isEqualTo(350.0);
        assertThat(json.get("light_load").get("p50_ms").asDouble()).isEqualTo(4.0);
        assertThat(json.get("light_load").get("p99_ms").asDouble()).isEqualTo(9.0);
        assertThat(json.get("light_load").get("model_calls").asInt()).isEqualTo(95);
        assertThat(json.get("light_load").get("mean_batch_size").asDouble()).isCloseTo(100 / 95.0, within(1e-3));
        assertThat(json.get("settings").get("batch.max.size").asInt()).isEqualTo(128);
        assertThat(json.get("settings").get("batch.target.busy").asDouble()).isEqualTo(0.5);
        assertThat(json.get("settings").get("generator.intra.op.threads").asInt()).isEqualTo(1);
        assertThat(json.get("targets").get("p_over_l").get("met").asBoolean()).isTrue();
        assertThat(json.get("targets").get("p_over_b").get("met").asBoolean()).isTrue();
        assertThat(json.get("targets").get("p99_ms").get("rule").asText()).isEqualTo("<= 16");
        assertThat(json.get("targets_met").asBoolean()).isTrue();
        assertThat(json.get("cpu").get("limit").get("process_cores").asDouble()).isEqualTo(1.9);
        assertThat(json.get("latency_parts_ms").get("rest_p99").asDouble()).isEqualTo(12.0);
        assertThat(json.get("latency_commits").get("count").asDouble()).isEqualTo(300.0);
        assertThat(json.get("latency_commits").get("mean_ms").asDouble()).isEqualTo(30.0);
        assertThat(json.get("latency_commits").get("commit_transaction_ms").asDouble()).isEqualTo(15.0);
        assertThat(json.get("cpu").get("limit").get("machine_cores").isNull()).isTrue();
        assertThat(json.get("cpu").get("limit").get("jit_cores").asDouble()).isEqualTo(0.4);
        for (String key : List.of("text_continuous_tokens_per_s", "text_sequential_tokens_per_s", "text_p50_ms",
                "text_p99_ms")) {
            assertThat(json.get(key).isNumber()).as(key).isTrue();
        }
        assertThat(json.get("text_continuous_tokens_per_s").asDouble()).isEqualTo(3200.0);
        assertThat(json.get("text_p99_ms").asDouble()).isEqualTo(480.0);
        assertThat(json.get("text_model").asText()).isEqualTo("catalog-gpt@1");
        assertThat(json.get("targets").get("text_speedup").get("met").asBoolean()).isTrue(); // 10 ≥ 8
        assertThat(json.get("text_speedup").asDouble()).isEqualTo(10.0);
        assertThat(json.get("text_sequential_tokens_per_s").asDouble()).isEqualTo(320.0);
        assertThat(json.get("text_closed_loop_tokens_per_s").asDouble()).isEqualTo(1800.0);
        assertThat(json.get("text_closed_loop_speedup").asDouble()).isEqualTo(4.5);
        assertThat(json.get("text_by_model").get(0).get("round_speedups")).hasSize(3);
        assertThat(json.get("text_by_model").get(0).get("round_closed_loop_speedups").get(0).asDouble()).isEqualTo(5.0);
    }

    @Test
    void theTextOnlyJsonHasTheTextFiguresAndTheThreadCount(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("text.json");

        BenchJson.writeText(List.of(TEXT), 3, file);
        JsonNode json = new ObjectMapper().readTree(Files.readString(file));

        assertThat(json.get("settings").get("generator.intra.op.threads").asInt()).isEqualTo(3);
        assertThat(json.get("text_speedup").asDouble()).isEqualTo(10.0);
        assertThat(json.get("text_continuous_tokens_per_s").asDouble()).isEqualTo(3200.0);
    }

    @Test
    void aMissedTargetIsReportedAndAnUnmeasuredFigureIsNull() {
        BenchResult result = result(5000, 40, new BatchMeters(0, 0, 0)); // no model call seen

        JsonNode json = BenchJson.of(result);

        assertThat(json.get("targets").get("p_over_l").get("met").asBoolean()).isFalse(); // 0.5 < 0.6
        assertThat(json.get("batch_inference_ms").isNull()).isTrue();
        assertThat(json.get("targets").get("p99_ms").get("met").asBoolean()).as("NaN bound never met").isFalse();
        assertThat(json.get("targets_met").asBoolean()).isFalse();
    }
}
