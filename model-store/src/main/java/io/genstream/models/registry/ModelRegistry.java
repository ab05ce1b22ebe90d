package io.genstream.models.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import io.genstream.models.manifest.InvalidManifestException;
import io.genstream.models.manifest.ModelIntegrityException;
import io.genstream.models.manifest.ModelManifest;
import io.genstream.models.manifest.ModelStoreException;

/**
 * The models under a root folder, laid out as {@code <root>/<name>/<version>/model.json}: a
 * snapshot taken by {@link #open(Path)} (open again to see new versions). Folders without a
 * {@code model.json} are not models and are passed over (a model store also holds sources and
 * build output); a {@code model.json} that cannot be read, or that names another model or
 * version than its folder, fails {@code open}, since serving a mislabelled model is worse than
 * not starting.
 */
public final class ModelRegistry {

    private static final Comparator<ModelVersion> ORDER = Comparator.comparing(ModelVersion::name)
            .thenComparing(ModelVersion::version, VersionOrder.INSTANCE);

    private final Path root;
    private final List<ModelVersion> versions;

    private ModelRegistry(Path root, List<ModelVersion> versions) {
        this.root = root;
        this.versions = versions;
    }

    /** Scans {@code root}. */
    public static ModelRegistry open(Path root) {
        return open(root, (versionDir, e) -> {
            throw e;
        });
    }

    /**
     * Scans {@code root}, leaving out each version whose {@code model.json} cannot be read or names
     * another model or version than its folder: it is told to {@code unreadable} instead of failing
     * the scan (a serving instance refuses that one version and keeps the others).
     */
    public static ModelRegistry open(Path root, BiConsumer<Path, ModelStoreException> unreadable) {
        if (!Files.isDirectory(root)) {
            throw new ModelStoreException("model store " + root.toAbsolutePath() + " is not a directory");
        }
        List<ModelVersion> found = new ArrayList<>();
        for (Path nameDir : subdirectories(root)) {
            for (Path versionDir : subdirectories(nameDir)) {
                if (Files.isRegularFile(versionDir.resolve(ModelManifest.FILE_NAME))) {
                    try {
                        found.add(load(nameDir.getFileName().toString(), versionDir));
                    } catch (ModelStoreException e) {
                        unreadable.accept(versionDir, e);
                    }
                }
            }
        }
        found.sort(ORDER);
        return new ModelRegistry(root, List.copyOf(found));
    }

    public Path root() {
        return root;
    }

    /** Every version of every model, by name, then version (oldest first). */
    public List<ModelVersion> list() {
        return versions;
    }

    /** The highest version of {@code name} in {@link VersionOrder}; empty if there is none. */
    public Optional<ModelVersion> latest(String name) {
        return versions.stream().filter(v -> v.name().equals(name)).reduce((older, newer) -> newer);
    }

    /**
     * @throws UnknownModelException if there is no model {@code name}, or it has no {@code version}
     */
    public ModelVersion get(String name, String version) {
        List<ModelVersion> ofName = versions.stream().filter(v -> v.name().equals(name)).toList();
        if (ofName.isEmpty()) {
            throw new UnknownModelException(name, null, "no model '" + name + "' in " + root + "; known: " + names());
        }
        return ofName.stream()
                .filter(v -> v.version().equals(version))
                .findFirst()
                .orElseThrow(() -> new UnknownModelException(name, version, "model '" + name + "' has no version '"
                        + version + "'; known: " + ofName.stream().map(ModelVersion::version).toList()));
    }

    /** Model names, sorted. */
    public List<String> names() {
        return versions.stream().map(ModelVersion::name).distinct().toList();
    }

    /** Checks every version's files against its manifest; never stops at the first failure. */
    public List<VerificationResult> verifyAll() {
        List<VerificationResult> results = new ArrayList<>();
        for (ModelVersion v : versions) {
            try {
                v.manifest().verify(v.dir());
                results.add(new VerificationResult(v, Optional.empty()));
            } catch (ModelIntegrityException e) {
                results.add(new VerificationResult(v, Optional.of(e)));
            }
        }
        return List.copyOf(results);
    }

    private static ModelVersion load(String name, Path versionDir) {
        String version = versionDir.getFileName().toString();
        ModelManifest manifest = ModelManifest.read(versionDir);
        if (!manifest.name().equals(name) || !manifest.version().equals(version)) {
            throw new InvalidManifestException(versionDir.resolve(ModelManifest.FILE_NAME) + " describes "
                    + manifest.name() + "@" + manifest.version() + " but sits in " + name + "/" + version);
        }
        return new ModelVersion(name, version, versionDir, manifest);
    }

    private static List<Path> subdirectories(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
