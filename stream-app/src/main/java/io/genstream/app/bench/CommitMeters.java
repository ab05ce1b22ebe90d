package io.genstream.app.bench;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * A reading of the Kafka clients' own commit meters in a Streams application: two readings give
 * the commits made in between and where their time went, so a latency tail can be laid beside the
 * stream thread's stalls (it processes nothing while it commits).
 *
 * @param commits stream-thread commits ({@code commit-total}, every thread)
 * @param flushMs time the transactional producers spent in {@code flush} ({@code flush-time-ns-total})
 * @param offsetsMs time in {@code sendOffsetsToTransaction} ({@code txn-send-offsets-time-ns-total})
 * @param endMs time in {@code commitTransaction} ({@code txn-commit-time-ns-total})
 * @param blockedMs time the stream threads spent blocked on Kafka: polls and commits
 *     ({@code blocked-time-ns-total})
 */
record CommitMeters(double commits, double flushMs, double offsetsMs, double endMs, double blockedMs) {

    static final CommitMeters NONE = new CommitMeters(0, 0, 0, 0, 0);

    /** Sums the meters over every client of one Streams application ({@code KafkaStreams.metrics()}). */
    static CommitMeters read(Map<MetricName, ? extends Metric> metrics) {
        double commits = 0;
        double flush = 0;
        double offsets = 0;
        double end = 0;
        double blocked = 0;
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            MetricName name = entry.getKey();
            if (!(entry.getValue().metricValue() instanceof Number value)) {
                continue;
            }
            double v = value.doubleValue();
            switch (name.group() + "/" + name.name()) {
                case "stream-thread-metrics/commit-total" -> commits += v;
                case "stream-thread-metrics/blocked-time-ns-total" -> blocked += v / 1e6;
                case "producer-metrics/flush-time-ns-total" -> flush += v / 1e6;
                case "producer-metrics/txn-send-offsets-time-ns-total" -> offsets += v / 1e6;
                case "producer-metrics/txn-commit-time-ns-total" -> end += v / 1e6;
                default -> { }
            }
        }
        return new CommitMeters(commits, flush, offsets, end, blocked);
    }

    /** What happened since {@code earlier}. */
    CommitMeters since(CommitMeters earlier) {
        return new CommitMeters(commits - earlier.commits, flushMs - earlier.flushMs, offsetsMs - earlier.offsetsMs,
                endMs - earlier.endMs, blockedMs - earlier.blockedMs);
    }

    /** Mean time of one commit's producer work (flush, offsets, end), ms; NaN without commits. */
    double meanCommitMs() {
        return perCommit(flushMs + offsetsMs + endMs);
    }

    double meanFlushMs() {
        return perCommit(flushMs);
    }

    double meanOffsetsMs() {
        return perCommit(offsetsMs);
    }

    double meanEndMs() {
        return perCommit(endMs);
    }

    private double perCommit(double totalMs) {
        return commits == 0 ? Double.NaN : totalMs / commits;
    }
}
