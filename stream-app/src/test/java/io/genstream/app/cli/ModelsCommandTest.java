package io.genstream.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.ModelStoreCopies;
import io.genstream.app.TestModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code models list|verify --model-store DIR} on real model folders. */
class ModelsCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void verifyPassesOnTheBundledModelsAndListNamesEveryKind() throws Exception {
        assertThat(run("models", "verify", "--model-store", TestModels.MODEL_STORE.toString())).isZero();
        assertThat(output()).contains("OK    digits-gan@1", "OK    catalog-gpt@1", "OK    digits-eval@1")
                .doesNotContain("FAIL");

        assertThat(run("models", "list", "--model-store", TestModels.MODEL_STORE.toString())).isZero();
        assertThat(output()).contains("digits-vae", "vae", "catalog-lstm", "char-lstm", "classifier");
    }

    @Test
    void verifyExitsNonZeroNamingATamperedModel(@TempDir Path store) throws Exception {
        ModelStoreCopies.copyBundled("digits-gan", "1", store);
        ModelStoreCopies.tamper(ModelStoreCopies.copyBundled("digits-vae", "1", store),
                "variables/variables.data-00000-of-00001");

        assertThat(run("models", "verify", "--model-store", store.toString())).isEqualTo(1);
        assertThat(output()).contains("OK    digits-gan@1").contains("FAIL  digits-vae@1");
    }
}
