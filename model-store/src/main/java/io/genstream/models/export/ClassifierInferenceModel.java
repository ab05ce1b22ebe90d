package io.genstream.models.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import io.genstream.models.classifier.ClassifierArchitecture;
import io.genstream.models.classifier.ClassifierNetwork;
import io.genstream.models.data.DigitsDataset;
import io.genstream.models.tf.GraphInputs;

/**
 * A fresh inference-only graph of a trained digits-eval: the network and the signature of
 * {@link ClassifierSignatures}, nothing of the training graph. The weights are restored by
 * variable name from the trainer's checkpoint.
 */
public final class ClassifierInferenceModel implements ImageClassifier, AutoCloseable {

    private final ClassifierArchitecture arch;
    private final InferenceSession session;
    private final Placeholder<TFloat32> image;
    private final Operand<TFloat32> probabilities;
    private final Operand<TFloat32> features;

    private ClassifierInferenceModel(ClassifierArchitecture arch, String checkpointPrefix, int threads) {
        this.arch = arch;
        this.session = new InferenceSession();
        Ops tf = session.tf();
        int size = ClassifierArchitecture.IMAGE_SIZE;
        ClassifierNetwork network = ClassifierNetwork.declare(session.graph(), tf, arch);
        image = GraphInputs.floats(tf, "image", -1, size, size);
        features = tf.withName("features").identity(network.features(tf, image));
        probabilities = tf.withName("probabilities").nn.softmax(network.logits(tf, features));
        session.restore(checkpointPrefix, threads);
    }

    /** Builds the inference graph and loads the weights saved at {@code checkpointPrefix}. */
    public static ClassifierInferenceModel restore(ClassifierArchitecture arch, String checkpointPrefix, int threads) {
        return new ClassifierInferenceModel(arch, checkpointPrefix, threads);
    }

    @Override
    public int numClasses() {
        return arch.numClasses();
    }

    @Override
    public int featureDim() {
        return arch.featureDim();
    }

    @Override
    public Classification classify(float[] images) {
        List<float[]> out = session.run(image, images, images.length / DigitsDataset.PIXELS, probabilities, features);
        return new Classification(out.get(0), out.get(1), arch.numClasses(), arch.featureDim());
    }

    /** Writes {@code saved_model.pb} and {@code variables/} into {@code dir}. */
    public void exportSavedModel(Path dir) throws IOException {
        Signature serving = Signature.builder().key(ClassifierSignatures.SERVING_DEFAULT)
                .input(ClassifierSignatures.IMAGE, image)
                .output(ClassifierSignatures.PROBABILITIES, probabilities)
                .output(ClassifierSignatures.FEATURES, features).build();
        session.export(dir, serving);
    }

    @Override
    public void close() {
        session.close();
    }
}
