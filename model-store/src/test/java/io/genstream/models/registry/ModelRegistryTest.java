package io.genstream.models.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.genstream.models.manifest.InvalidManifestException;
import io.genstream.models.manifest.ManifestFixtures;
import io.genstream.models.manifest.ModelIntegrityException;
import io.genstream.models.manifest.ModelStoreException;

class ModelRegistryTest {

    @TempDir
    Path root;

    @Test
    void listsEveryVersionByNameThenNumericVersion() throws Exception {
        for (String v : List.of("1", "10", "2")) {
            ManifestFixtures.writeModel(root.resolve("digits-gan").resolve(v), "digits-gan", v);
        }
        ManifestFixtures.writeModel(root.resolve("catalog-lstm/1"), "catalog-lstm", "1");
        ModelRegistry registry = ModelRegistry.open(root);
        assertThat(registry.list()).extracting(ModelVersion::id)
                .containsExactly("catalog-lstm@1", "digits-gan@1", "digits-gan@2", "digits-gan@10");
        assertThat(registry.names()).containsExactly("catalog-lstm", "digits-gan");
    }

    @Test
    void latestIsTheHighestVersionNumerically() throws Exception {
        for (String v : List.of("9", "10", "2")) {
            ManifestFixtures.writeModel(root.resolve("digits-gan").resolve(v), "digits-gan", v);
        }
        ModelRegistry registry = ModelRegistry.open(root);
        assertThat(registry.latest("digits-gan")).get().extracting(ModelVersion::version).isEqualTo("10");
        assertThat(registry.latest("digits-vae")).isEmpty();
    }

    @Test
    void getReturnsTheVersionWithItsFolderAndManifest() throws Exception {
        Path dir = root.resolve("digits-gan/1");
        ManifestFixtures.writeModel(dir, "digits-gan", "1");
        ModelVersion v = ModelRegistry.open(root).get("digits-gan", "1");
        assertThat(v.dir()).isEqualTo(dir);
        assertThat(v.manifest().kind()).isEqualTo("gan");
    }

    @Test
    void anUnknownNameOrVersionIsATypedError() throws Exception {
        ManifestFixtures.writeModel(root.resolve("digits-gan/1"), "digits-gan", "1");
        ModelRegistry registry = ModelRegistry.open(root);
        assertThatThrownBy(() -> registry.get("no-such-model", "1"))
                .isInstanceOfSatisfying(UnknownModelException.class, e -> {
                    assertThat(e.name()).isEqualTo("no-such-model");
                    assertThat(e.version()).isEmpty();
                })
                .hasMessageContaining("digits-gan");
        assertThatThrownBy(() -> registry.get("digits-gan", "7"))
                .isInstanceOfSatisfying(UnknownModelException.class, e -> assertThat(e.version()).contains("7"));
    }

    @Test
    void foldersWithoutAManifestAreNotModels() throws Exception {
        ManifestFixtures.writeModel(root.resolve("digits-gan/1"), "digits-gan", "1");
        Files.createDirectories(root.resolve("src/main/java"));
        Files.createDirectories(root.resolve("digits-gan/2-in-progress/variables"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        assertThat(ModelRegistry.open(root).list()).extracting(ModelVersion::id).containsExactly("digits-gan@1");
    }

    @Test
    void aManifestInTheWrongFolderFailsOpen() throws Exception {
        ManifestFixtures.writeModel(root.resolve("digits-gan/2"), "digits-gan", "1");
        assertThatThrownBy(() -> ModelRegistry.open(root))
                .isInstanceOf(InvalidManifestException.class)
                .hasMessageContaining("digits-gan@1");
    }

    @Test
    void aLenientOpenLeavesOutAndReportsAnUnreadableOrMislabelledVersionOnly() throws Exception {
        ManifestFixtures.writeModel(root.resolve("digits-gan/1"), "digits-gan", "1");
        ManifestFixtures.writeModel(root.resolve("digits-gan/2"), "digits-gan", "3");
        Files.createDirectories(root.resolve("digits-gan/4"));
        Files.writeString(root.resolve("digits-gan/4/model.json"), "{ not json");
        Map<Path, ModelStoreException> left = new TreeMap<>();

        ModelRegistry registry = ModelRegistry.open(root, left::put);

        assertThat(registry.list()).extracting(ModelVersion::id).containsExactly("digits-gan@1");
        assertThat(left).containsOnlyKeys(root.resolve("digits-gan/2"), root.resolve("digits-gan/4"));
        assertThat(left.values()).allMatch(e -> e instanceof InvalidManifestException);
    }

    @Test
    void aMissingRootIsATypedError() {
        assertThatThrownBy(() -> ModelRegistry.open(root.resolve("nowhere")))
                .isInstanceOf(io.genstream.models.manifest.ModelStoreException.class);
    }

    @Test
    void verifyAllReportsEveryDamagedVersion() throws Exception {
        for (String v : List.of("1", "2", "3")) {
            ManifestFixtures.writeModel(root.resolve("digits-gan").resolve(v), "digits-gan", v);
        }
        Files.write(root.resolve("digits-gan/1/saved_model.pb"), new byte[] {0});
        Files.delete(root.resolve("digits-gan/3/variables/variables.index"));
        List<VerificationResult> results = ModelRegistry.open(root).verifyAll();
        assertThat(results).extracting(VerificationResult::ok).containsExactly(false, true, false);
        assertThat(results.get(0).failure()).get().extracting(ModelIntegrityException::file).isEqualTo("saved_model.pb");
        assertThat(results.get(2).failure()).get()
                .extracting(ModelIntegrityException::problem).isEqualTo(ModelIntegrityException.Problem.MISSING);
    }
}
