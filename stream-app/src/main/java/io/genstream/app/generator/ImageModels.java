package io.genstream.app.generator;

import io.genstream.models.registry.ModelVersion;
import java.util.Map;

/** Reads an image model's shape facts from its manifest, with a clear error when one is missing. */
final class ImageModels {

    private ImageModels() {}

    static ImageModelInfo info(ModelVersion version) {
        Map<String, Object> props = version.manifest().properties();
        return new ImageModelInfo(
                version.name(),
                version.version(),
                intProperty(version, props, "latentDim"),
                intProperty(version, props, "numClasses"),
                intProperty(version, props, "imageWidth"),
                intProperty(version, props, "imageHeight"));
    }

    private static int intProperty(ModelVersion version, Map<String, Object> props, String key) {
        Object value = props.get(key);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("model " + version.name() + "@" + version.version()
                    + ": manifest property '" + key + "' is missing or not a number");
        }
        return number.intValue();
    }
}
