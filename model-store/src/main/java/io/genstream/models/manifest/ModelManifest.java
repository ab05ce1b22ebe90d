package io.genstream.models.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The {@code model.json} beside a SavedModel. Immutable; maps keep their order (signatures and
 * files sorted), and the free-form sections ({@code properties}, {@code training},
 * {@code evaluation}) hold plain JSON values (numbers, strings, lists, objects), normalised
 * through JSON on construction so that a manifest equals itself read back.
 *
 * @param name model name, the registry folder {@code <root>/<name>/}
 * @param version version, the folder {@code <root>/<name>/<version>/}
 * @param kind what kind of generator ({@code gan}, {@code vae}, {@code lstm}, {@code gpt}, {@code classifier})
 * @param format {@code tensorflow-savedmodel}
 * @param signatures serving signatures by name
 * @param properties facts the serving code needs (e.g. {@code latentDim}, {@code numClasses})
 * @param files relative path → SHA-256 hex of every SavedModel file
 * @param training how the model was made (config, seeds, time, losses, versions)
 * @param evaluation quality figures measured at export
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelManifest(
        String name,
        String version,
        String kind,
        String format,
        Map<String, SignatureSpec> signatures,
        Map<String, Object> properties,
        Map<String, String> files,
        Map<String, Object> training,
        Map<String, Object> evaluation) {

    public static final String FILE_NAME = "model.json";
    public static final String FORMAT_SAVED_MODEL = "tensorflow-savedmodel";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<LinkedHashMap<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    public ModelManifest {
        require(name, "name");
        require(version, "version");
        require(kind, "kind");
        require(format, "format");
        signatures = Collections.unmodifiableMap(new TreeMap<>(signatures == null ? Map.of() : signatures));
        files = Collections.unmodifiableMap(new TreeMap<>(files == null ? Map.of() : files));
        properties = plainJson(properties);
        training = plainJson(training);
        evaluation = plainJson(evaluation);
    }

    /** Reads {@code modelDir/model.json}. */
    public static ModelManifest read(Path modelDir) {
        Path file = modelDir.resolve(FILE_NAME);
        try {
            return JSON.readValue(Files.readAllBytes(file), ModelManifest.class);
        } catch (NoSuchFileException e) {
            throw new InvalidManifestException("no " + FILE_NAME + " in " + modelDir, e);
        } catch (JsonProcessingException e) {
            throw new InvalidManifestException(file + " is not a valid manifest: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Writes {@code modelDir/model.json} (replacing it atomically where the file system can). */
    public void write(Path modelDir) {
        Path file = modelDir.resolve(FILE_NAME);
        try {
            // Written beside and then moved, so a reader never sees half a manifest.
            Path tmp = modelDir.resolve(FILE_NAME + ".tmp");
            Files.write(tmp, JSON.writeValueAsBytes(this));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Recomputes the SHA-256 of every listed file and checks that no SavedModel file is unlisted.
     *
     * @throws ModelIntegrityException naming the first (in path order) missing, altered or unlisted file
     */
    public void verify(Path modelDir) {
        TreeSet<String> paths = new TreeSet<>(files.keySet());
        paths.addAll(SavedModelFiles.list(modelDir));
        for (String path : paths) {
            String expected = files.get(path);
            Path file = modelDir.resolve(path);
            if (expected == null) {
                throw new ModelIntegrityException(modelDir, path, ModelIntegrityException.Problem.NOT_IN_MANIFEST, "");
            }
            if (!Files.isRegularFile(file)) {
                throw new ModelIntegrityException(modelDir, path, ModelIntegrityException.Problem.MISSING, "");
            }
            String actual = SavedModelFiles.sha256(file);
            if (!actual.equalsIgnoreCase(expected)) {
                throw new ModelIntegrityException(modelDir, path, ModelIntegrityException.Problem.DIGEST_MISMATCH,
                        ": expected sha256 " + expected + ", found " + actual);
            }
        }
    }

    /** A copy with {@code files} recomputed from the SavedModel in {@code modelDir}. */
    public ModelManifest withFilesOf(Path modelDir) {
        return new ModelManifest(name, version, kind, format, signatures, properties,
                SavedModelFiles.digests(modelDir), training, evaluation);
    }

    /** A numeric property, e.g. {@code intProperty("latentDim")}. */
    public int intProperty(String key) {
        Object value = properties.get(key);
        if (!(value instanceof Number number)) {
            throw new InvalidManifestException("manifest of " + name + "@" + version + " has no numeric property " + key);
        }
        return number.intValue();
    }

    /** The manifest as JSON text. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest always serialises", e);
        }
    }

    private static Map<String, Object> plainJson(Map<String, ?> values) {
        if (values == null) {
            return Map.of();
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> frozen = (Map<String, Object>) freeze(JSON.readValue(JSON.writeValueAsBytes(values), JSON_OBJECT));
            return frozen;
        } catch (IOException e) {
            throw new InvalidManifestException("manifest values must be plain JSON: " + e.getMessage(), e);
        }
    }

    /** Read-only all the way down, so the record is immutable, not just its top-level maps. */
    private static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, freeze(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(freeze(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidManifestException("manifest field '" + field + "' is required");
        }
    }
}
