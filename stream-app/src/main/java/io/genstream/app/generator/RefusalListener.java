package io.genstream.app.generator;

import io.genstream.models.registry.ModelVersion;

/** Told when the catalog refuses a model version (it keeps serving the others). */
@FunctionalInterface
public interface RefusalListener {

    /**
     * @param version the refused version
     * @param reason a stable code: {@code missing}, {@code digest-mismatch}, {@code not-in-manifest}
     *     (its files do not match its manifest) or {@code load-failed}
     * @param message what is wrong, for the log
     */
    void refused(ModelVersion version, String reason, String message);
}
