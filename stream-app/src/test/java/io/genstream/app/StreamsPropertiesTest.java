package io.genstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.config.GenstreamConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsPropertiesTest {

    @TempDir
    Path stateDir;

    private Properties properties(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put(GenstreamConfig.STATE_DIR.name(), stateDir.toString());
        return GenstreamApplication.streamsProperties(GenstreamConfig.of(all));
    }

    @Test
    void theMainConsumerWaitsAtTheBrokerForHalfTheBatchDelayToGatherRequests() {
        Properties props = properties(Map.of(GenstreamConfig.BATCH_MAX_DELAY_MS.name(), "30"));

        assertThat(props.get(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG))).isEqualTo(15);
        assertThat(props.get(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG))).isEqualTo(1 << 20);
        assertThat(props.get(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isEqualTo(StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
    }

    @Test
    void kafkaSettingsFromTheConfigurationWinOverTheseDefaults() {
        Properties props = properties(Map.of(
                GenstreamConfig.KAFKA_PREFIX + ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100",
                GenstreamConfig.KAFKA_PREFIX + StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG), "1",
                GenstreamConfig.KAFKA_PREFIX + StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "0"));

        assertThat(props).doesNotContainKey(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG));
        assertThat(props).doesNotContainKey(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG));
        assertThat(props.get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG)).isEqualTo("100");
        assertThat(props.get(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isEqualTo("0");
    }
}
