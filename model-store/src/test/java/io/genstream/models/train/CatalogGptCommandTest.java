package io.genstream.models.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.genstream.models.text.TextSignatures;
import io.genstream.models.manifest.ModelManifest;
import io.genstream.models.manifest.SavedModelFiles;
import io.genstream.models.registry.ModelRegistry;
import io.genstream.models.registry.ModelVersion;
import io.genstream.models.text.CharVocabulary;

/** {@code TrainCommand catalog-gpt} with the tiny preset: a version the registry finds, its manifest, repeatability. */
class CatalogGptCommandTest {

    @TempDir
    Path root;

    private final CapturedCommand command = new CapturedCommand();

    @Test
    void trainsAVersionWithTheTextContractsManifestAndSamples() throws Exception {
        assertThat(command.run("catalog-gpt", "--root", root.toString(), "--preset", "tiny", "--threads", "1")).isZero();

        ModelRegistry registry = ModelRegistry.open(root);
        assertThat(registry.list()).extracting(ModelVersion::id).containsExactly("catalog-gpt@1");
        assertThat(registry.verifyAll()).allMatch(r -> r.ok());
        ModelVersion version = registry.latest("catalog-gpt").orElseThrow();
        ModelManifest manifest = version.manifest();
        assertThat(manifest.kind()).isEqualTo("gpt");
        assertThat(manifest.properties()).containsEntry("vocabulary", CharVocabulary.catalog().chars())
                .containsEntry("endToken", 0).containsEntry("maxLength", 160).containsEntry("layers", 2)
                .containsEntry("dModel", 16).containsEntry("heads", 2).containsEntry("kvHeads", 1);
        assertThat(manifest.intProperty("stateSize")).isEqualTo(2 * 2 * 160 * 8); // K and V per layer, maxLength × one key/value head of 8
        assertThat(manifest.signatures()).containsOnlyKeys(TextSignatures.PREFILL, TextSignatures.STEP);
        assertThat(manifest.signatures().get(TextSignatures.STEP).inputs())
                .containsOnlyKeys(TextSignatures.TOKEN, TextSignatures.POSITION,
                        TextSignatures.state(0), TextSignatures.state(1), TextSignatures.state(2), TextSignatures.state(3));
        assertThat(manifest.signatures().get(TextSignatures.PREFILL).outputs().get(TextSignatures.state(0)).shape())
                .containsExactly(-1L, 1L, 160L, 8L); // rows, key/value heads, maxLength, headDim
        assertThat(manifest.signatures().get(TextSignatures.STEP).inputs().get(TextSignatures.state(0)).shape())
                .containsExactly(-1L, 1L, -1L, 8L); // the step takes the cache at any length
        assertThat(manifest.intProperty("stateTensors")).isEqualTo(4);
        assertThat(manifest.training()).containsEntry("steps", 3).containsKeys("config", "dataSeed", "dataSha256", "finalLoss");
        assertThat(manifest.evaluation()).containsKeys("heldOutPerplexity", "grammarValidRate", "contextValidRate");
        List<String> samples = Files.readAllLines(version.dir().resolve(CatalogLstmEvaluator.SAMPLES_FILE));
        assertThat(samples).hasSizeGreaterThan(10).allMatch(line -> line.startsWith("#") || line.split("\t").length == 4);
        assertThat(command.out()).contains("step 3/3");
    }

    @Test
    void theSameConfigTrainsTheSameSavedModelBytes() {
        Path first = root.resolve("a/catalog-gpt/1");
        Path second = root.resolve("b/catalog-gpt/1");
        assertThat(command.run("catalog-gpt", "--out", first.toString(), "--preset", "tiny", "--steps", "4")).isZero();
        assertThat(command.run("catalog-gpt", "--out", second.toString(), "--preset", "tiny", "--steps", "4")).isZero();
        assertThat(SavedModelFiles.digests(second)).isEqualTo(SavedModelFiles.digests(first));
        Path third = root.resolve("c/catalog-gpt/1");
        assertThat(command.run("catalog-gpt", "--out", third.toString(), "--preset", "tiny", "--steps", "4", "--seed", "8")).isZero();
        assertThat(SavedModelFiles.digests(third).get("variables/variables.data-00000-of-00001"))
                .isNotEqualTo(SavedModelFiles.digests(first).get("variables/variables.data-00000-of-00001"));
    }

    @Test
    void weightsOfExportsAnEarlierVersionsWeightsAndEvaluatesThem() throws Exception {
        assertThat(command.run("catalog-gpt", "--root", root.toString(), "--preset", "tiny", "--steps", "3")).isZero();
        assertThat(command.run("catalog-gpt", "--root", root.toString(), "--weights-of", "1")).isZero();

        ModelRegistry registry = ModelRegistry.open(root);
        assertThat(registry.list()).extracting(ModelVersion::id).containsExactly("catalog-gpt@1", "catalog-gpt@2");
        assertThat(registry.verifyAll()).allMatch(r -> r.ok());
        ModelManifest one = ModelManifest.read(root.resolve("catalog-gpt/1"));
        ModelManifest two = ModelManifest.read(root.resolve("catalog-gpt/2"));
        assertThat(SavedModelFiles.digests(root.resolve("catalog-gpt/2")).get("variables/variables.data-00000-of-00001"))
                .isEqualTo(SavedModelFiles.digests(root.resolve("catalog-gpt/1")).get("variables/variables.data-00000-of-00001"));
        assertThat(two.training()).containsEntry("config", one.training().get("config"))
                .containsEntry("finalLoss", one.training().get("finalLoss"));
        assertThat((String) two.training().get("weightsOf")).startsWith("catalog-gpt@1");
        assertThat(two.evaluation().get("heldOutPerplexity")).isEqualTo(one.evaluation().get("heldOutPerplexity"));

        assertThat(command.run("catalog-gpt", "--root", root.toString(), "--weights-of", "7")).isEqualTo(2);
        assertThat(command.err()).contains("--weights-of: no catalog-gpt version");
    }

    @Test
    void rejectsUnknownOptionsWithTheUsage() {
        assertThat(command.run("catalog-gpt", "--layers", "3")).isEqualTo(2);
        assertThat(command.err()).contains("unknown option --layers").contains("usage:");
    }
}
