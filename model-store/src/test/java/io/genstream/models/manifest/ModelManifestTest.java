package io.genstream.models.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ModelManifestTest {

    @TempDir
    Path dir;

    @Test
    void writeThenReadGivesAnEqualManifest() throws Exception {
        ModelManifest written = ManifestFixtures.writeModel(dir, "digits-gan", "3");
        ModelManifest read = ModelManifest.read(dir);
        assertThat(read).isEqualTo(written);
        assertThat(read.intProperty("latentDim")).isEqualTo(64);
        assertThat(read.signatures().get("serving_default").inputs().get("z").shape()).containsExactly(-1L, 64L);
        assertThat(read.training().get("seed")).isEqualTo(12_345_678_901L);
    }

    @Test
    void theJsonHasTheDocumentedFields() throws Exception {
        ManifestFixtures.writeModel(dir, "digits-gan", "1");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("model.json").toFile());
        assertThat(json.fieldNames()).toIterable().containsExactly(
                "name", "version", "kind", "format", "signatures", "properties", "files", "training", "evaluation");
        assertThat(json.get("files").fieldNames()).toIterable().containsExactly(
                "saved_model.pb", "variables/variables.data-00000-of-00001", "variables/variables.index");
        assertThat(json.get("files").get("saved_model.pb").asText()).matches("[0-9a-f]{64}");
    }

    @Test
    void unknownFieldsFromNewerWritersAreTolerated() throws Exception {
        ManifestFixtures.writeModel(dir, "digits-gan", "1");
        String json = Files.readString(dir.resolve("model.json")).replaceFirst("\\{", "{ \"addedLater\" : true,");
        Files.writeString(dir.resolve("model.json"), json);
        assertThat(ModelManifest.read(dir).name()).isEqualTo("digits-gan");
    }

    @Test
    void verifyAcceptsUntouchedFiles() throws Exception {
        ModelManifest manifest = ManifestFixtures.writeModel(dir, "digits-gan", "1");
        manifest.verify(dir);
        ModelManifest.read(dir).verify(dir);
    }

    @Test
    void verifyNamesATamperedFile() throws Exception {
        ModelManifest manifest = ManifestFixtures.writeModel(dir, "digits-gan", "1");
        Files.write(dir.resolve("variables/variables.index"), new byte[] {1, 2, 4});
        assertThatThrownBy(() -> manifest.verify(dir))
                .isInstanceOfSatisfying(ModelIntegrityException.class, e -> {
                    assertThat(e.file()).isEqualTo("variables/variables.index");
                    assertThat(e.problem()).isEqualTo(ModelIntegrityException.Problem.DIGEST_MISMATCH);
                })
                .hasMessageContaining("variables/variables.index");
    }

    @Test
    void verifyNamesAMissingFile() throws Exception {
        ModelManifest manifest = ManifestFixtures.writeModel(dir, "digits-gan", "1");
        Files.delete(dir.resolve("saved_model.pb"));
        assertThatThrownBy(() -> manifest.verify(dir))
                .isInstanceOfSatisfying(ModelIntegrityException.class, e -> {
                    assertThat(e.file()).isEqualTo("saved_model.pb");
                    assertThat(e.problem()).isEqualTo(ModelIntegrityException.Problem.MISSING);
                });
    }

    @Test
    void verifyRejectsASavedModelFileTheManifestDoesNotList() throws Exception {
        ModelManifest manifest = ManifestFixtures.writeModel(dir, "digits-gan", "1");
        Files.write(dir.resolve("variables/variables.data-00001-of-00002"), new byte[] {9});
        assertThatThrownBy(() -> manifest.verify(dir))
                .isInstanceOfSatisfying(ModelIntegrityException.class, e -> {
                    assertThat(e.file()).isEqualTo("variables/variables.data-00001-of-00002");
                    assertThat(e.problem()).isEqualTo(ModelIntegrityException.Problem.NOT_IN_MANIFEST);
                });
    }

    @Test
    void sideFilesAreNotPartOfTheModel() throws Exception {
        ModelManifest manifest = ManifestFixtures.writeModel(dir, "digits-gan", "1");
        Files.write(dir.resolve("contact-sheet.png"), new byte[] {1});
        manifest.verify(dir);
        assertThat(manifest.files()).doesNotContainKeys("model.json", "contact-sheet.png");
    }

    @Test
    void readingAFolderWithoutManifestFailsWithATypedError() {
        assertThatThrownBy(() -> ModelManifest.read(dir))
                .isInstanceOf(InvalidManifestException.class)
                .hasMessageContaining("model.json");
    }

    @Test
    void readingBrokenJsonFailsWithATypedError() throws Exception {
        Files.writeString(dir.resolve("model.json"), "{ \"name\": ");
        assertThatThrownBy(() -> ModelManifest.read(dir)).isInstanceOf(InvalidManifestException.class);
    }

    @Test
    void aManifestWithoutNameIsRejected() throws Exception {
        Files.writeString(dir.resolve("model.json"), "{ \"version\": \"1\", \"kind\": \"gan\", \"format\": \"x\" }");
        assertThatThrownBy(() -> ModelManifest.read(dir))
                .isInstanceOf(InvalidManifestException.class)
                .hasMessageContaining("name");
    }

    @Test
    void aManifestIsImmutableAllTheWayDown() {
        ModelManifest manifest = ManifestFixtures.manifest("digits-gan", "1");
        assertThatThrownBy(() -> manifest.properties().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) manifest.training().get("config");
        assertThatThrownBy(() -> config.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> losses = (List<Object>) manifest.training().get("losses");
        assertThatThrownBy(() -> losses.add(1)).isInstanceOf(UnsupportedOperationException.class);
    }
}
