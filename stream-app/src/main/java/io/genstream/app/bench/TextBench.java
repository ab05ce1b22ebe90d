package io.genstream.app.bench;

import io.genstream.app.generator.TextGenerator;
import io.genstream.app.generator.TextModelInfo;
import io.genstream.app.generator.TextPlan;
import io.genstream.app.runtime.ContinuousBatcher;
import io.genstream.app.runtime.SequenceModel;
import io.genstream.app.runtime.SequenceRequest;
import io.genstream.avro.PromptEvent;
import io.genstream.models.text.CatalogCorpus;
import io.genstream.models.text.CatalogExample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;

/**
 * Text: continuous batching against one request at a time, on one instance of a served text
 * model, same prompts, same seeds, same run. The prompts are recommendation blurbs: a catalog
 * context and the first word of a blurb, at temperature 0.8, up to {@link #MAX_TOKENS} tokens
 * (most end earlier, at the end of their blurb, so lengths vary as they do in service).
 *
 * <p>Each round generates the same {@link #REQUESTS} requests three ways:
 * <ul>
 *   <li><b>continuous</b> (the comparison the target is set on): {@link #CONCURRENT} requests submitted at once,
 *       continuously batched, the next {@link #CONCURRENT} when the last of them has finished;
 *   <li><b>closed loop</b>: {@link #CONCURRENT} requests in flight at all times, each finished one replaced by the
 *       next (clients that each send their next prompt when their answer comes), so sequences also join the batch
 *       while others run, as they do in service;
 *   <li><b>one at a time</b>: the same bursts with exactly one row per step, the fastest way to generate a single
 *       request. The two take turns burst by burst, so that a machine busy with other work for a while slows both
 *       alike.
 * </ul>
 * The batched runs call the model unpadded, as genstream serves. The instance is borrowed from the model's idle
 * batcher.
 */
final class TextBench {

    static final int CONCURRENT = 32;
    /** Requests per run: eight times {@link #CONCURRENT} (eight bursts; in the closed loop, eight per client). */
    static final int REQUESTS = 8 * CONCURRENT;
    static final int MAX_TOKENS = 96;
    static final float TEMPERATURE = 0.8f;
    /** Held-out contexts: not the seed of any training corpus. */
    static final long PROMPT_SEED = 4_242L;
    /** Continuous over one-at-a-time tokens/s the text runtime must reach on catalog-gpt. */
    static final double MIN_SPEEDUP = 8;
    /** As genstream serves text: its batchers keep the default. */
    static final int SERVED_ROW_MULTIPLE = ContinuousBatcher.DEFAULT_ROW_MULTIPLE;

    /** Rounds of the comparison: one round is at the mercy of a noisy machine. */
    static final int ROUNDS = 3;

    /** One round: the same requests one at a time, continuously batched, and in a closed loop. */
    record Round(GenerationRun sequential, GenerationRun continuous, GenerationRun closedLoop) {

        double speedup() {
            return continuous.tokensPerSecond() / sequential.tokensPerSecond();
        }

        double closedLoopSpeedup() {
            return closedLoop.tokensPerSecond() / sequential.tokensPerSecond();
        }
    }

    /**
     * One text model's comparison over {@link #ROUNDS} rounds, in the order they ran.
     *
     * @param model the model measured
     * @param rounds every round
     */
    record Result(TextModelInfo model, List<Round> rounds) {

        Result {
            if (rounds.isEmpty()) {
                throw new IllegalArgumentException("a text result needs a round");
            }
            rounds = List.copyOf(rounds);
        }

        /** The round with the median continuous over one-at-a-time ratio: the one reported. */
        Round median() {
            return medianBy(Round::speedup);
        }

        /** The round with the median closed-loop over one-at-a-time ratio. */
        Round medianClosedLoop() {
            return medianBy(Round::closedLoopSpeedup);
        }

        /** The median round's continuous over one-at-a-time tokens/s. */
        double speedup() {
            return median().speedup();
        }

        double closedLoopSpeedup() {
            return medianClosedLoop().closedLoopSpeedup();
        }

        private Round medianBy(ToDoubleFunction<Round> ratio) {
            return rounds.stream().sorted(Comparator.comparingDouble(ratio)).toList().get(rounds.size() / 2);
        }
    }

    private TextBench() {}

    static Result run(TextGenerator generator, int maxActive) throws InterruptedException, ExecutionException {
        TextModelInfo model = generator.info();
        List<TextPlan> plans = plans(model, REQUESTS);
        SequenceModel<?> instance = generator.instances().get(0);
        int active = Math.min(maxActive, CONCURRENT);
        IntFunction<SequenceRequest> request = i -> TextGenerator.request(plans.get(i), model);
        // Warm-up (JIT, TensorFlow's kernels for the shapes of every run), not measured.
        ContinuousBatchingBench.steady(instance, active, SERVED_ROW_MULTIPLE, 2 * active, request);
        ContinuousBatchingBench.run(instance, 1, 1, 2, request, 1);
        List<Round> rounds = new ArrayList<>(ROUNDS);
        for (int round = 0; round < ROUNDS; round++) {
            ContinuousBatchingBench.Comparison bursts = ContinuousBatchingBench.compare(instance, active,
                    SERVED_ROW_MULTIPLE, CONCURRENT, REQUESTS / CONCURRENT, request);
            GenerationRun closedLoop = ContinuousBatchingBench.steady(instance, active, SERVED_ROW_MULTIPLE,
                    REQUESTS, request);
            rounds.add(new Round(bursts.oneAtATime(), bursts.continuous(), closedLoop));
        }
        return new Result(model, rounds);
    }

    static List<TextPlan> plans(TextModelInfo model, int count) {
        List<TextPlan> plans = new ArrayList<>(count);
        List<CatalogExample> examples = CatalogCorpus.generate(PROMPT_SEED, count);
        for (int i = 0; i < count; i++) {
            CatalogExample example = examples.get(i);
            PromptEvent event = PromptEvent.newBuilder()
                    .setRequestId("bench-text-" + i)
                    .setModel(model.name())
                    .setPrompt(example.blurb().split(" ")[0])
                    .setMaxTokens(MAX_TOKENS)
                    .setTemperature(TEMPERATURE)
                    .setSeed((long) i)
                    .setContext(example.context())
                    .setCreatedAt(0L)
                    .build();
            plans.add(TextPlan.of(event, model));
        }
        return plans;
    }
}
