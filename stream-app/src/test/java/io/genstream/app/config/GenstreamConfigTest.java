package io.genstream.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenstreamConfigTest {

    @Test
    void everyKeyHasADefaultAndADoc() {
        GenstreamConfig defaults = GenstreamConfig.defaults();
        for (ConfigKey<?> key : GenstreamConfig.KEYS) {
            assertThat(key.doc()).as(key.name()).isNotBlank();
            assertThat(defaults.get(key)).as(key.name()).isEqualTo(key.defaultValue());
        }
        assertThat(GenstreamConfig.KEYS).extracting(ConfigKey::name).doesNotHaveDuplicates();
    }

    @Test
    void fileThenEnvironmentThenFlagsWin(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("genstream.properties");
        Files.writeString(file, "generation.max.count=10\nstreams.threads=3\ntopic.prefix=file.\n");
        GenstreamConfig config = GenstreamConfig.load(file,
                Map.of("GENSTREAM_STREAMS_THREADS", "4", "GENSTREAM_TOPIC_PREFIX", "env.", "PATH", "/bin"),
                Map.of("topic.prefix", "flag."));
        assertThat(config.get(GenstreamConfig.MAX_COUNT)).isEqualTo(10);
        assertThat(config.get(GenstreamConfig.STREAM_THREADS)).isEqualTo(4);
        assertThat(config.get(GenstreamConfig.TOPIC_PREFIX)).isEqualTo("flag.");
    }

    @Test
    void kafkaSettingsPassThroughToTheClients() {
        GenstreamConfig config = GenstreamConfig.load(null,
                Map.of("GENSTREAM_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"),
                Map.of("kafka.sasl.mechanism", "SCRAM-SHA-512"));
        assertThat(config.kafkaClientOverrides())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .hasSize(2);
    }

    @Test
    void anUnparsableValueFailsAtStartNamingTheKey() {
        assertThatThrownBy(() -> GenstreamConfig.of(Map.of("generation.max.count", "lots")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("generation.max.count")
                .hasMessageContaining("lots");
        assertThatThrownBy(() -> GenstreamConfig.of(Map.of("topic.create", "yes")))
                .hasMessageContaining("topic.create");
    }

    @Test
    void aMissingConfigFileIsAClearError() {
        assertThatThrownBy(() -> GenstreamConfig.load(Path.of("/no/such/file"), Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/no/such/file");
    }
}
