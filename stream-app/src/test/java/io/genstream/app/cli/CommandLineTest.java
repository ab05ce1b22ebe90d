package io.genstream.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void parsesWordsAliasesKeysAndTheConfigFile() {
        CommandLine line = CommandLine.parse(new String[] {
            "run", "--bootstrap-servers", "kafka:9092", "--generation.max.count=8", "--config", "app.properties"});
        assertThat(line.words()).containsExactly("run");
        assertThat(line.flags())
                .containsEntry("bootstrap.servers", "kafka:9092")
                .containsEntry("generation.max.count", "8");
        assertThat(line.configFile()).isEqualTo(Path.of("app.properties"));
    }

    @Test
    void aFlagWithoutAValueIsAnError() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"demo", "--duration"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--duration");
    }
}
