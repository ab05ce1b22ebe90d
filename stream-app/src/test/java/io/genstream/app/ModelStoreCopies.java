package io.genstream.app;

import io.genstream.models.manifest.ModelManifest;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Model versions copied into a test's own model store: relabelled, tampered, or moved in atomically. */
public final class ModelStoreCopies {

    private ModelStoreCopies() {}

    /**
     * Copies {@code from} into {@code root/<name>/<version>/}, its manifest relabelled with that
     * version (the files, hence their SHA-256, unchanged). The copy is made beside the store and
     * renamed into it, as an operator adding a version to a live store should.
     */
    public static Path copyAs(Path from, Path root, String version) throws IOException {
        ModelManifest manifest = ModelManifest.read(from);
        Path staging = Files.createTempDirectory(root.getParent(), "staging-");
        copyTree(from, staging);
        new ModelManifest(manifest.name(), version, manifest.kind(), manifest.format(), manifest.signatures(),
                manifest.properties(), manifest.files(), manifest.training(), manifest.evaluation()).write(staging);
        Path target = root.resolve(manifest.name()).resolve(version);
        Files.createDirectories(target.getParent());
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** Moves a version folder into {@code root/<name>/<version>/} at once, as a finished copy arrives. */
    public static Path moveInto(Path versionDir, Path root) throws IOException {
        Path target = root.resolve(versionDir.getParent().getFileName().toString())
                .resolve(versionDir.getFileName().toString());
        Files.createDirectories(target.getParent());
        return Files.move(versionDir, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A bundled model version copied as-is into {@code root}. */
    public static Path copyBundled(String name, String version, Path root) throws IOException {
        return copyAs(TestModels.MODEL_STORE.resolve(name).resolve(version), root, version);
    }

    /** Flips one byte in the middle of a file of the version, so that its SHA-256 no longer matches. */
    public static void tamper(Path versionDir, String file) throws IOException {
        try (RandomAccessFile data = new RandomAccessFile(versionDir.resolve(file).toFile(), "rw")) {
            long at = data.length() / 2;
            data.seek(at);
            int b = data.read();
            data.seek(at);
            data.write(b ^ 0xFF);
        }
    }

    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
