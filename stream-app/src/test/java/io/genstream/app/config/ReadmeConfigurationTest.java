package io.genstream.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table documents every key the code reads. */
class ReadmeConfigurationTest {

    @Test
    void everyConfigurationKeyIsDocumentedInTheReadme() throws Exception {
        Path readme = Files.exists(Path.of("../README.md")) ? Path.of("../README.md") : Path.of("README.md");
        String text = Files.readString(readme);
        for (ConfigKey<?> key : GenstreamConfig.KEYS) {
            assertThat(text).as("README documents %s", key.name()).contains("| `" + key.name() + "` |");
        }
    }
}
