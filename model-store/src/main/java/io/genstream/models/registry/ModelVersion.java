package io.genstream.models.registry;

import java.nio.file.Path;

import io.genstream.models.manifest.ModelManifest;

/** One model version in the store: where it lives and what its manifest says. */
public record ModelVersion(String name, String version, Path dir, ModelManifest manifest) {

    /** {@code name@version}, the form used in logs, metrics and Kafka keys. */
    public String id() {
        return name + "@" + version;
    }
}
