package io.genstream.models.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A stand-in SavedModel (three files of known bytes) and a manifest describing it. */
public final class ManifestFixtures {

    private ManifestFixtures() {}

    /** Writes {@code saved_model.pb} and {@code variables/*} into {@code dir} and a matching {@code model.json}. */
    public static ModelManifest writeModel(Path dir, String name, String version) throws IOException {
        Files.createDirectories(dir.resolve("variables"));
        Files.write(dir.resolve("saved_model.pb"), ("graph of " + name + "@" + version).getBytes());
        Files.write(dir.resolve("variables/variables.index"), new byte[] {1, 2, 3});
        Files.write(dir.resolve("variables/variables.data-00000-of-00001"), new byte[] {4, 5, 6, 7});
        ModelManifest manifest = manifest(name, version).withFilesOf(dir);
        manifest.write(dir);
        return manifest;
    }

    public static ModelManifest manifest(String name, String version) {
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("steps", 3000);
        training.put("seed", 12_345_678_901L);
        training.put("losses", List.of(List.of(100, 0.5, 1.25)));
        training.put("config", Map.of("batchSize", 64, "learningRate", 2e-4));
        return new ModelManifest(name, version, "gan", ModelManifest.FORMAT_SAVED_MODEL,
                Map.of("serving_default", new SignatureSpec(
                        Map.of("z", new TensorSpec("float32", List.of(-1L, 64L)), "label", new TensorSpec("int32", List.of(-1L))),
                        Map.of("image", new TensorSpec("float32", List.of(-1L, 28L, 28L))))),
                Map.of("latentDim", 64, "numClasses", 10, "imageWidth", 28, "imageHeight", 28),
                Map.of(),
                training,
                Map.of("meanRealismReal", 0.61));
    }
}
