package io.genstream.app.bench;

import io.genstream.app.generator.TextGenerator;
import io.genstream.app.generator.TextModelInfo;
import io.genstream.app.generator.TextPlan;
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

/**
 * Text: continuous batching against one request at a time, on one instance of a served text
 * model, same prompts, same seeds, same run. The prompts are recommendation blurbs: a catalog
 * context and the first word of a blurb, at temperature 0.8, up to {@link #MAX_TOKENS} tokens
 * (most end earlier, at the end of their blurb, so lengths vary as they do in service).
 *
 * <p>The one-at-a-time run calls the model with exactly one row per step (no padding), the
 * fastest way to generate a single request; the continuous run pads every call to a multiple of
 * 8 rows, as genstream serves. The instance is borrowed from the model's idle batcher.
 */
final class TextBench {

    static final int CONCURRENT = 32;
    static final int MAX_TOKENS = 96;
    static final float TEMPERATURE = 0.8f;
    /** Held-out contexts: not the seed of any training corpus. */
    static final long PROMPT_SEED = 4_242L;
    /** Continuous over one-at-a-time tokens/s the text runtime must reach on catalog-gpt. */
    static final double MIN_SPEEDUP = 8;
    static final int SERVED_ROW_MULTIPLE = 8;

    /** Rounds of the comparison: one round is at the mercy of a noisy machine. */
    static final int ROUNDS = 5;
    /**
     * The prompts are generated this many times over in each run of a round (each time all {@link #CONCURRENT} at
     * once, or one at a time): a single burst of the continuous run lasts a few tenths of a second.
     */
    static final int BURSTS = 3;

    /**
     * One text model's comparison: {@link #ROUNDS} rounds, each the same prompts one at a time and then all at once
     * ({@link #BURSTS} times each); the round reported is the one with the median ratio.
     *
     * @param model the model measured
     * @param continuous the median round's run with all prompts submitted at once, continuously batched
     * @param sequential the median round's run with the same prompts one at a time
     * @param roundSpeedups every round's ratio, in the order they ran
     */
    record Result(TextModelInfo model, GenerationRun continuous, GenerationRun sequential, List<Double> roundSpeedups) {

        /** The median round's continuous over one-at-a-time tokens/s. */
        double speedup() {
            return continuous.tokensPerSecond() / sequential.tokensPerSecond();
        }
    }

    private TextBench() {}

    static Result run(TextGenerator generator, int maxActive) throws InterruptedException, ExecutionException {
        TextModelInfo model = generator.info();
        List<TextPlan> plans = plans(model, CONCURRENT);
        SequenceModel<?> instance = generator.instances().get(0);
        int active = Math.min(maxActive, CONCURRENT);
        IntFunction<SequenceRequest> request = i -> TextGenerator.request(plans.get(i), model);
        // Warm-up (JIT, TensorFlow's kernels for the shapes of both runs), not measured.
        ContinuousBatchingBench.run(instance, active, SERVED_ROW_MULTIPLE, active, request, 1);
        ContinuousBatchingBench.run(instance, 1, 1, 2, request, 1);
        List<GenerationRun[]> rounds = new ArrayList<>(ROUNDS);
        for (int round = 0; round < ROUNDS; round++) {
            GenerationRun sequential = ContinuousBatchingBench.run(instance, 1, 1, CONCURRENT, request, BURSTS);
            GenerationRun continuous = ContinuousBatchingBench.run(instance, active, SERVED_ROW_MULTIPLE, CONCURRENT,
                    request, BURSTS);
            rounds.add(new GenerationRun[] {continuous, sequential});
        }
        List<Double> speedups = rounds.stream().map(r -> r[0].tokensPerSecond() / r[1].tokensPerSecond()).toList();
        GenerationRun[] median = rounds.stream()
                .sorted(Comparator.comparingDouble(r -> r[0].tokensPerSecond() / r[1].tokensPerSecond()))
                .toList().get(ROUNDS / 2);
        return new Result(model, median[0], median[1], speedups);
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
