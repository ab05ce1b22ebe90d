package io.genstream.app.generator;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.tensorflow.engine.javacpp.JavacppUtils;
import ai.djl.translate.NoopTranslator;
import io.genstream.models.tf.TensorFlowNatives;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import org.tensorflow.proto.framework.ConfigProto;

/** Opens one signature of a SavedModel on one device through DJL's TensorFlow engine, tensors in and out. */
public final class SavedModels {

    static final String SERVING_DEFAULT = "serving_default";

    /** Whether TensorFlow's idle threads may spin for work (see {@link #allowThreadSpinning}). */
    private static volatile boolean threadSpinning;

    private SavedModels() {}

    /**
     * Whether the models opened from now on let TensorFlow's idle threads spin (busy-wait) for the next op
     * instead of sleeping. Spinning saves a wake-up per op when the model has the cores to itself; next to Kafka
     * clients, a broker or stream threads it takes CPU from them at every pause between ops and model calls.
     */
    public static void allowThreadSpinning(boolean allow) {
        threadSpinning = allow;
    }

    static ZooModel<NDList, NDList> open(Path dir, Device device, String signature)
            throws IOException, ModelNotFoundException, MalformedModelException {
        TensorFlowNatives.ensureLocated();
        return Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(dir)
                .optEngine("TensorFlow")
                .optDevice(device)
                .optOption("SignatureDefKey", signature)
                .optOption("ConfigProto", Base64.getEncoder().encodeToString(
                        sessionConfig(JavacppUtils.getSessionConfig(), threadSpinning).toByteArray()))
                .optTranslator(new NoopTranslator())
                .build()
                .loadModel();
    }

    /**
     * DJL's own session configuration (thread counts from its properties, GPU options), with spinning as asked:
     * DJL takes a configuration given to it instead of its own, so its own is the starting point.
     */
    static ConfigProto sessionConfig(ConfigProto djl, boolean spinning) {
        return djl.toBuilder()
                .setExperimental(djl.getExperimental().toBuilder().setDisableThreadSpinning(!spinning))
                .build();
    }
}
