package io.genstream.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

/** The bench sums the commit meters of every client of a Streams application and reads them in ms. */
class CommitMetersTest {

    private static void put(Map<MetricName, Metric> metrics, String group, String name, String client, Object value) {
        MetricName metricName = new MetricName(name, group, "", Map.of("client-id", client));
        metrics.put(metricName, new Metric() {
            @Override
            public MetricName metricName() {
                return metricName;
            }

            @Override
            public Object metricValue() {
                return value;
            }
        });
    }

    @Test
    void sumsEveryThreadAndProducerAndConvertsNanoseconds() {
        Map<MetricName, Metric> metrics = new HashMap<>();
        put(metrics, "stream-thread-metrics", "commit-total", "t1", 30.0);
        put(metrics, "stream-thread-metrics", "commit-total", "t2", 10.0);
        put(metrics, "stream-thread-metrics", "blocked-time-ns-total", "t1", 9e9);
        put(metrics, "producer-metrics", "flush-time-ns-total", "t1-producer", 300e6);
        put(metrics, "producer-metrics", "flush-time-ns-total", "t2-producer", 100e6);
        put(metrics, "producer-metrics", "txn-send-offsets-time-ns-total", "t1-producer", 200e6);
        put(metrics, "producer-metrics", "txn-commit-time-ns-total", "t1-producer", 800e6);
        // Same names in other groups, and values that are no numbers, are not commit meters.
        put(metrics, "consumer-metrics", "flush-time-ns-total", "t1-consumer", 1e12);
        put(metrics, "stream-task-metrics", "commit-total", "t1", 1e6);
        put(metrics, "producer-metrics", "txn-commit-time-ns-total", "t3-producer", "n/a");

        CommitMeters read = CommitMeters.read(metrics);

        assertThat(read).isEqualTo(new CommitMeters(40, 400, 200, 800, 9000));
        assertThat(read.meanCommitMs()).isEqualTo(35.0);
        assertThat(read.meanFlushMs()).isEqualTo(10.0);
        assertThat(read.meanOffsetsMs()).isEqualTo(5.0);
        assertThat(read.meanEndMs()).isEqualTo(20.0);
    }

    @Test
    void twoReadingsGiveThePhaseBetweenThem() {
        CommitMeters phase = new CommitMeters(50, 600, 300, 1000, 12_000)
                .since(new CommitMeters(40, 400, 200, 800, 9000));

        assertThat(phase).isEqualTo(new CommitMeters(10, 200, 100, 200, 3000));
        assertThat(phase.meanCommitMs()).isEqualTo(50.0);
        assertThat(CommitMeters.NONE.meanCommitMs()).isNaN();
    }
}
