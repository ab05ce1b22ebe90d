package io.genstream.app.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genstream.models.registry.VersionOrder;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** The text results, for a person and in the JSON (the {@code text_*} keys describe catalog-gpt). */
final class TextReport {

    /** The model the {@code text_*} keys and the text target describe. */
    static final String HEADLINE_MODEL = "catalog-gpt";

    private TextReport() {}

    /** The result the headline keys describe: catalog-gpt's newest version's, else the first text model's. */
    static Optional<TextBench.Result> headline(List<TextBench.Result> results) {
        return results.stream().filter(r -> r.model().name().equals(HEADLINE_MODEL))
                .max(Comparator.comparing((TextBench.Result r) -> r.model().version(), VersionOrder.INSTANCE))
                .or(() -> results.stream().findFirst());
    }

    static void print(List<TextBench.Result> results, PrintStream out) {
        if (results.isEmpty()) {
            out.println("Text: no text model served; nothing measured.");
            return;
        }
        for (TextBench.Result r : results) {
            out.printf(Locale.ROOT, "Text — %s, %d requests (up to %d tokens, temperature %.1f), %d at once (closed"
                    + " loop: %d in flight), one instance%n", r.model().id(), TextBench.REQUESTS, TextBench.MAX_TOKENS,
                    TextBench.TEMPERATURE, TextBench.CONCURRENT, TextBench.CONCURRENT);
            TextBench.Round median = r.median();
            run(out, "continuous batching ", median.continuous());
            run(out, "one at a time       ", median.sequential());
            run(out, "closed loop         ", r.medianClosedLoop().closedLoop());
            out.printf(Locale.ROOT, "   continuous / one at a time  = %.2f× tokens/s (median of %d rounds: %s)%n",
                    r.speedup(), r.rounds().size(), ratios(r, TextBench.Round::speedup));
            out.printf(Locale.ROOT, "   closed loop / one at a time = %.2f× tokens/s (median of %d rounds: %s)%n",
                    r.closedLoopSpeedup(), r.rounds().size(), ratios(r, TextBench.Round::closedLoopSpeedup));
        }
    }

    private static String ratios(TextBench.Result r, ToDoubleFunction<TextBench.Round> ratio) {
        return r.rounds().stream().map(round -> String.format(Locale.ROOT, "%.2f", ratio.applyAsDouble(round)))
                .collect(Collectors.joining(", "));
    }

    private static void run(PrintStream out, String label, GenerationRun run) {
        out.printf(Locale.ROOT, "   %s %8.1f tokens/s  %d tokens in %.2f s; time to complete p50 %s ms, p99 %s ms;"
                        + " first token p50 %s ms; %.1f sequences (%.1f rows) per step; model calls %.2f s (prefill %.2f s)%n",
                label, run.tokensPerSecond(), run.tokens(), run.seconds(), BenchReport.number(run.completeP50Ms()),
                BenchReport.number(run.completeP99Ms()), BenchReport.number(run.firstTokenP50Ms()),
                run.meanSequencesPerStep(), run.meanRowsPerStep(), run.modelSeconds(), run.prefillSeconds());
    }

    static void json(List<TextBench.Result> results, ObjectNode json) {
        Optional<TextBench.Result> headline = headline(results);
        json.put("text_model", headline.map(r -> r.model().id()).orElse(null));
        BenchJson.num(json, "text_continuous_tokens_per_s",
                headline.map(r -> r.median().continuous().tokensPerSecond()).orElse(Double.NaN));
        BenchJson.num(json, "text_sequential_tokens_per_s",
                headline.map(r -> r.median().sequential().tokensPerSecond()).orElse(Double.NaN));
        BenchJson.num(json, "text_speedup", headline.map(TextBench.Result::speedup).orElse(Double.NaN));
        BenchJson.num(json, "text_p50_ms", headline.map(r -> r.median().continuous().completeP50Ms()).orElse(Double.NaN));
        BenchJson.num(json, "text_p99_ms", headline.map(r -> r.median().continuous().completeP99Ms()).orElse(Double.NaN));
        BenchJson.num(json, "text_closed_loop_tokens_per_s",
                headline.map(r -> r.medianClosedLoop().closedLoop().tokensPerSecond()).orElse(Double.NaN));
        BenchJson.num(json, "text_closed_loop_speedup",
                headline.map(TextBench.Result::closedLoopSpeedup).orElse(Double.NaN));
        ArrayNode all = json.putArray("text_by_model");
        for (TextBench.Result r : results) {
            ObjectNode node = all.addObject().put("model", r.model().id());
            node.put("requests", TextBench.REQUESTS);
            node.put("concurrent", TextBench.CONCURRENT);
            node.put("max_tokens", TextBench.MAX_TOKENS);
            run(node.putObject("continuous"), r.median().continuous());
            run(node.putObject("sequential"), r.median().sequential());
            run(node.putObject("closed_loop"), r.medianClosedLoop().closedLoop());
            BenchJson.num(node, "speedup", r.speedup());
            BenchJson.num(node, "closed_loop_speedup", r.closedLoopSpeedup());
            ArrayNode rounds = node.putArray("round_speedups");
            r.rounds().forEach(round -> rounds.add(round.speedup()));
            ArrayNode closedLoopRounds = node.putArray("round_closed_loop_speedups");
            r.rounds().forEach(round -> closedLoopRounds.add(round.closedLoopSpeedup()));
        }
    }

    private static void run(ObjectNode node, GenerationRun run) {
        node.put("max_active", run.maxActive());
        node.put("tokens", run.tokens());
        BenchJson.num(node, "tokens_per_s", run.tokensPerSecond());
        BenchJson.num(node, "seconds", run.seconds());
        BenchJson.num(node, "p50_ms", run.completeP50Ms());
        BenchJson.num(node, "p99_ms", run.completeP99Ms());
        BenchJson.num(node, "first_token_p50_ms", run.firstTokenP50Ms());
        BenchJson.num(node, "sequences_per_step", run.meanSequencesPerStep());
        BenchJson.num(node, "rows_per_step", run.meanRowsPerStep());
        BenchJson.num(node, "model_seconds", run.modelSeconds());
        BenchJson.num(node, "prefill_seconds", run.prefillSeconds());
    }
}
