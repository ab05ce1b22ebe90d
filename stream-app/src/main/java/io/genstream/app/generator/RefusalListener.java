package io.genstream.app.generator;

/** Told when the catalog refuses a model version (it keeps serving the others). */
@FunctionalInterface
public interface RefusalListener {

    /**
     * @param modelId the refused version, {@code name@version} (from its folders)
     * @param reason a stable code: {@code missing}, {@code digest-mismatch}, {@code not-in-manifest}
     *     (its files do not match its manifest), {@code invalid-manifest} (its {@code model.json}
     *     cannot be read or names another version) or {@code load-failed}
     * @param message what is wrong, for the log
     */
    void refused(String modelId, String reason, String message);
}
