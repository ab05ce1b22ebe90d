package io.genstream.app.bench;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * End-to-end latency under a steady offered load: {@code emittedAt − createdAt} of every output
 * whose request was made after the warm-up, as nearest-rank percentiles. Also the latency a
 * {@code read_committed} reader sees (arrival − createdAt), which adds the wait for the commit.
 *
 * @param offeredPerSecond the load offered, events (= images) per second
 * @param events events sent
 * @param measured outputs counted (after the warm-up)
 * @param seconds how long the load was offered
 * @param p50Ms median of emittedAt − createdAt
 * @param p99Ms 99th percentile of emittedAt − createdAt
 * @param maxMs largest emittedAt − createdAt
 * @param visibleP50Ms median of arrival at a read_committed reader − createdAt
 * @param visibleP99Ms 99th percentile of the same
 * @param batches the model calls made during the phase
 * @param parts where the time went, per output (each part's own percentiles)
 * @param commits the stream thread's commits during the phase (it processes nothing meanwhile)
 * @param p99ByQuarterMs the p99 of each quarter of the measured requests, in the order they were made:
 *     a tail that shrinks from quarter to quarter is a process still warming up (its JIT compiler)
 */
record Latency(double offeredPerSecond, int events, int measured, double seconds, double p50Ms, double p99Ms,
        double maxMs, double visibleP50Ms, double visibleP99Ms, BatchMeters batches, Parts parts,
        CommitMeters commits, List<Double> p99ByQuarterMs) {

    static final int SLICES = 4;

    /**
     * The latency of an output split in three, from the times it carries: waiting in the batcher's
     * queue, its batch's model call, and the rest (producer, broker, poll, intake, the pending
     * store, PNG, waiting for the punctuator to emit it).
     */
    record Parts(double queueP50Ms, double queueP99Ms, double inferenceP50Ms, double inferenceP99Ms,
            double restP50Ms, double restP99Ms) {

        static Parts of(List<ContentMeter.Output> outputs) {
            Percentiles queue = Percentiles.of(outputs.stream().mapToDouble(ContentMeter.Output::queueMs).toArray());
            Percentiles inference = Percentiles.of(
                    outputs.stream().mapToDouble(ContentMeter.Output::inferenceMs).toArray());
            Percentiles rest = Percentiles.of(outputs.stream()
                    .mapToDouble(o -> o.latencyMs() - o.queueMs() - o.inferenceMs()).toArray());
            return new Parts(queue.at(50), queue.at(99), inference.at(50), inference.at(99), rest.at(50), rest.at(99));
        }
    }

    /**
     * @param outputs the phase's outputs
     * @param warmUpEnd requests created before this (epoch millis) are left out
     */
    static Latency of(List<ContentMeter.Output> outputs, long warmUpEnd, double offeredPerSecond, int events,
            double seconds, BatchMeters batches, CommitMeters commits) {
        List<ContentMeter.Output> steady = outputs.stream().filter(o -> o.createdAt() >= warmUpEnd).toList();
        Percentiles emitted = latencies(steady);
        Percentiles visible = Percentiles.of(
                steady.stream().mapToDouble(o -> o.receivedAt() - o.createdAt()).toArray());
        return new Latency(offeredPerSecond, events, steady.size(), seconds, emitted.at(50), emitted.at(99),
                emitted.max(), visible.at(50), visible.at(99), batches, Parts.of(steady), commits, p99BySlice(steady));
    }

    /** The p99 of emittedAt − createdAt in {@link #SLICES} runs of equal count, by createdAt. */
    static List<Double> p99BySlice(List<ContentMeter.Output> outputs) {
        List<ContentMeter.Output> byCreation = outputs.stream()
                .sorted(Comparator.comparingLong(ContentMeter.Output::createdAt)).toList();
        int n = byCreation.size();
        return IntStream.range(0, SLICES)
                .mapToObj(i -> latencies(byCreation.subList(i * n / SLICES, (i + 1) * n / SLICES)).at(99))
                .toList();
    }

    private static Percentiles latencies(List<ContentMeter.Output> outputs) {
        return Percentiles.of(outputs.stream().mapToDouble(ContentMeter.Output::latencyMs).toArray());
    }
}
