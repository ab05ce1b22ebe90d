package io.genstream.app.metrics;

import io.micrometer.core.instrument.Tags;

/**
 * The {@code model} and {@code version} tags of a model version's meters, from its id {@code name@version}.
 * Separate tags let a dashboard compare versions of one model and sum over them.
 */
public final class ModelTags {

    private ModelTags() {}

    /** Tags of the model id {@code name@version}; an id without a version gets version {@code ""}. */
    public static Tags of(String modelId) {
        int at = modelId.lastIndexOf('@');
        return at < 0 ? of(modelId, "") : of(modelId.substring(0, at), modelId.substring(at + 1));
    }

    public static Tags of(String name, String version) {
        return Tags.of("model", name, "version", version);
    }
}
