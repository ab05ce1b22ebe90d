package io.genstream.models.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Which files of a model directory make up its SavedModel, and their SHA-256. Those are the
 * files the SavedModel format defines: {@code saved_model.pb} (or {@code .pbtxt}),
 * {@code fingerprint.pb}, and everything under {@code variables/}, {@code assets/} and
 * {@code assets.extra/}. Side files such as {@code model.json} or a contact sheet are not part of
 * it, so they can be rewritten without invalidating the model.
 */
public final class SavedModelFiles {

    private static final Set<String> TOP_LEVEL = Set.of("saved_model.pb", "saved_model.pbtxt", "fingerprint.pb");
    private static final List<String> FOLDERS = List.of("variables", "assets", "assets.extra");

    private SavedModelFiles() {}

    /** Relative path ('/'-separated) → SHA-256 hex of every SavedModel file in {@code dir}, sorted. */
    public static Map<String, String> digests(Path dir) {
        Map<String, String> digests = new TreeMap<>();
        for (String path : list(dir)) {
            digests.put(path, sha256(dir.resolve(path)));
        }
        return Collections.unmodifiableMap(digests);
    }

    /** The SavedModel files present in {@code dir}, as sorted relative paths. */
    public static List<String> list(Path dir) {
        try {
            TreeMap<String, Path> found = new TreeMap<>();
            for (String name : TOP_LEVEL) {
                if (Files.isRegularFile(dir.resolve(name))) {
                    found.put(name, dir.resolve(name));
                }
            }
            for (String folder : FOLDERS) {
                if (Files.isDirectory(dir.resolve(folder))) {
                    try (Stream<Path> files = Files.walk(dir.resolve(folder))) {
                        files.filter(Files::isRegularFile).forEach(f -> found.put(relative(dir, f), f));
                    }
                }
            }
            return List.copyOf(found.keySet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** SHA-256 of a file's bytes, lower-case hex. */
    public static String sha256(Path file) {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream()); // reading is what feeds the digest
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
