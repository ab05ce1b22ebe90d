package io.genstream.app.generator;

import io.genstream.models.manifest.ModelManifest;
import io.genstream.models.registry.ModelVersion;

/** Reads an image model's shape facts from its manifest (a clear error names a missing one). */
final class ImageModels {

    private ImageModels() {}

    static ImageModelInfo info(ModelVersion version) {
        ModelManifest manifest = version.manifest();
        return new ImageModelInfo(
                version.name(),
                version.version(),
                manifest.intProperty("latentDim"),
                manifest.intProperty("numClasses"),
                manifest.intProperty("imageWidth"),
                manifest.intProperty("imageHeight"));
    }
}
