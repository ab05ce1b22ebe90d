package io.genstream.models.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.genstream.models.manifest.ModelManifest;
import io.genstream.models.registry.ModelRegistry;
import io.genstream.models.registry.ModelVersion;
import io.genstream.models.text.CharVocabulary;
import io.genstream.models.text.TextSignatures;

class CatalogLstmCommandTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TrainCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void trainsAVersionWithTheTextContractTheRegistryVerifies() throws Exception {
        assertThat(run("catalog-lstm", "--root", root.toString(), "--preset", "tiny", "--steps", "2")).isZero();

        ModelRegistry registry = ModelRegistry.open(root);
        assertThat(registry.list()).extracting(ModelVersion::id).containsExactly("catalog-lstm@1");
        assertThat(registry.verifyAll()).allMatch(r -> r.ok());
        ModelVersion version = registry.latest("catalog-lstm").orElseThrow();
        ModelManifest manifest = version.manifest();
        CharLstmConfig tiny = CharLstmConfig.tiny();

        assertThat(manifest.kind()).isEqualTo("char-lstm");
        assertThat(manifest.signatures()).containsOnlyKeys(TextSignatures.PREFILL, TextSignatures.STEP);
        assertThat(manifest.signatures().get(TextSignatures.STEP).inputs())
                .containsOnlyKeys(TextSignatures.TOKEN, TextSignatures.POSITION, TextSignatures.STATE);
        assertThat(manifest.properties()).containsEntry("vocabulary", CharVocabulary.catalog().chars())
                .containsEntry("endToken", 0);
        assertThat(manifest.intProperty("stateSize")).isEqualTo(2 * tiny.layers() * tiny.hidden());
        assertThat(manifest.intProperty("layers")).isEqualTo(tiny.layers());
        assertThat(manifest.intProperty("maxLength")).isEqualTo(160);
        assertThat(manifest.training()).containsEntry("steps", 2).containsEntry("dataSeed", (int) tiny.dataSeed())
                .containsKeys("config", "wallSeconds", "finalLoss", "dataSha256");
        assertThat(manifest.evaluation()).containsKeys("heldOutPerplexity", "grammarValidRate", "contextValidRate");
        assertThat((Double) manifest.evaluation().get("heldOutPerplexity")).isBetween(1.0, 1000.0);

        List<String> samples = Files.readAllLines(version.dir().resolve(CatalogLstmEvaluator.SAMPLES_FILE));
        assertThat(samples).hasSize(1 + CatalogLstmEvaluator.SAMPLE_LINES);
        assertThat(samples.subList(1, samples.size())).allSatisfy(line -> assertThat(line.split("\t")).hasSizeGreaterThanOrEqualTo(3));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("step 2/2");
    }

    @Test
    void rejectsUnknownOptionsAndPresets() {
        assertThat(run("catalog-lstm", "--root", root.toString(), "--layers", "3")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --layers").contains("usage");
        assertThat(run("catalog-lstm", "--root", root.toString(), "--preset", "huge")).isEqualTo(2);
        assertThat(run("catalog-lstm", "--root", root.toString(), "--steps")).isEqualTo(2);
        assertThat(root.resolve("catalog-lstm")).doesNotExist();
    }

    @Test
    void firstWordsCutsAfterTheirSpace() {
        assertThat(CatalogLstmEvaluator.firstWords("runners will love this tent.", 0)).isEmpty();
        assertThat(CatalogLstmEvaluator.firstWords("runners will love this tent.", 1)).isEqualTo("runners ");
        assertThat(CatalogLstmEvaluator.firstWords("runners will love this tent.", 3)).isEqualTo("runners will love ");
        assertThat(CatalogLstmEvaluator.firstWords("why wait?", 3)).isEmpty();
    }
}
