package io.genstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.config.GenstreamConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
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
    void requestTasksNeverWaitForTheirOtherInputTopic() {
        assertThat(properties(Map.of()).get(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG))
                .isEqualTo(StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
    }

    @Test
    void aTaskIdleTimeFromTheConfigurationWins() {
        Properties props = properties(Map.of(GenstreamConfig.KAFKA_PREFIX + StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "0"));

        assertThat(props.get(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isEqualTo("0");
    }
}
