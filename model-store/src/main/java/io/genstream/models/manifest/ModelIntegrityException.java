package io.genstream.models.manifest;

import java.nio.file.Path;

/**
 * A model's files do not match its manifest: one is missing, has a different SHA-256, or is a
 * SavedModel file the manifest does not list. Names the first such file (in path order).
 */
public final class ModelIntegrityException extends ModelStoreException {

    /** What is wrong with the file. */
    public enum Problem { MISSING, DIGEST_MISMATCH, NOT_IN_MANIFEST }

    private final Path modelDir;
    private final String file;
    private final Problem problem;

    public ModelIntegrityException(Path modelDir, String file, Problem problem, String detail) {
        super(modelDir + ": " + file + " " + problem.name().toLowerCase().replace('_', ' ') + detail);
        this.modelDir = modelDir;
        this.file = file;
        this.problem = problem;
    }

    public Path modelDir() {
        return modelDir;
    }

    /** The offending file, relative to the model directory, with '/' separators. */
    public String file() {
        return file;
    }

    public Problem problem() {
        return problem;
    }
}
