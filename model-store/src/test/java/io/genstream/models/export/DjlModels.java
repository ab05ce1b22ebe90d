package io.genstream.models.export;

import java.nio.file.Path;

import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;

/** Loads an exported SavedModel's signature through DJL's TensorFlow engine, as the serving side does. */
public final class DjlModels {

    private DjlModels() {}

    public static ZooModel<NDList, NDList> load(Path modelDir, String signature) throws Exception {
        return Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(modelDir)
                .optEngine("TensorFlow")
                .optOption("SignatureDefKey", signature)
                .optTranslator(new NoopTranslator())
                .build()
                .loadModel();
    }
}
