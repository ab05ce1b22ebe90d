package io.genstream.app.bench;

import io.genstream.app.runtime.GeneratedSequence;
import java.util.List;

/**
 * One run of text generation requests through a continuous batcher: its token rate and how long requests took,
 * all of them submitted at once (nearest-rank percentiles).
 *
 * @param maxActive the most sequences one model call held (1: one request at a time)
 * @param requests requests generated
 * @param tokens tokens generated, all requests together
 * @param seconds from submitting the requests to the last one finishing
 * @param tokensPerSecond tokens over seconds
 * @param completeP50Ms median time from submit to a request's last token
 * @param completeP99Ms 99th percentile of the same
 * @param firstTokenP50Ms median time from submit to a request's first token
 * @param meanSequencesPerStep mean sequences advanced per step call (padding not counted)
 * @param meanRowsPerStep mean rows a step call computed (padding counted)
 * @param modelSeconds time inside the model's prefill and step calls; the rest of {@code seconds} is the runtime's
 *     own work (choosing tokens, bookkeeping, handing results over)
 * @param prefillSeconds the part of {@code modelSeconds} in prefill calls
 */
public record GenerationRun(int maxActive, int requests, long tokens, double seconds, double tokensPerSecond,
        double completeP50Ms, double completeP99Ms, double firstTokenP50Ms, double meanSequencesPerStep,
        double meanRowsPerStep, double modelSeconds, double prefillSeconds) {

    static GenerationRun of(int maxActive, List<GeneratedSequence> results, long nanos, double meanSequencesPerStep,
            double meanRowsPerStep, long modelNanos, long prefillNanos) {
        long tokens = results.stream().mapToLong(result -> result.tokens().length).sum();
        double seconds = nanos / 1e9;
        Percentiles complete = Percentiles.of(results.stream().mapToDouble(GeneratedSequence::totalMs).toArray());
        Percentiles firstToken = Percentiles.of(
                results.stream().mapToDouble(GeneratedSequence::firstTokenMs).toArray());
        return new GenerationRun(maxActive, results.size(), tokens, seconds, tokens / seconds, complete.at(50),
                complete.at(99), firstToken.at(50), meanSequencesPerStep, meanRowsPerStep, modelNanos / 1e9,
                prefillNanos / 1e9);
    }
}
