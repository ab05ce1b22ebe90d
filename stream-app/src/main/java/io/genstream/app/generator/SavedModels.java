package io.genstream.app.generator;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import io.genstream.models.tf.TensorFlowNatives;
import java.io.IOException;
import java.nio.file.Path;

/** Opens one signature of a SavedModel on one device through DJL's TensorFlow engine, tensors in and out. */
final class SavedModels {

    static final String SERVING_DEFAULT = "serving_default";

    private SavedModels() {}

    static ZooModel<NDList, NDList> open(Path dir, Device device, String signature)
            throws IOException, ModelNotFoundException, MalformedModelException {
        TensorFlowNatives.ensureLocated();
        return Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(dir)
                .optEngine("TensorFlow")
                .optDevice(device)
                .optOption("SignatureDefKey", signature)
                .optTranslator(new NoopTranslator())
                .build()
                .loadModel();
    }
}
