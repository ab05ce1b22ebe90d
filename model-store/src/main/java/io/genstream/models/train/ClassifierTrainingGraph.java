package io.genstream.models.train;

import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import io.genstream.models.classifier.ClassifierArchitecture;
import io.genstream.models.classifier.ClassifierNetwork;
import io.genstream.models.gan.Layers;
import io.genstream.models.gan.ParameterSpec;
import io.genstream.models.tf.GraphInputs;

/**
 * The training graph: the network, the mean softmax cross-entropy {@code −Σ onehot·logSoftmax(l)}
 * (LogSoftmax has a gradient in TF's C++ registry, which TF Java differentiates through), one Adam,
 * and the initialiser fed with the Java-generated starting weights. No random ops (no dropout): a
 * run is reproducible from the Java seeds.
 */
final class ClassifierTrainingGraph {

    final Placeholder<TFloat32> images;
    final Placeholder<TInt32> labels;
    final Placeholder<TFloat32> learningRate;
    final Placeholder<TFloat32> beta1Power;
    final Placeholder<TFloat32> beta2Power;
    /** Batch means. */
    final Operand<TFloat32> loss;
    final Operand<TFloat32> accuracy;
    final Op train;
    final WeightInitializer initializer;

    ClassifierTrainingGraph(Graph graph, ClassifierConfig config) {
        Ops tf = Ops.create(graph);
        ClassifierArchitecture arch = config.architecture();
        int size = ClassifierArchitecture.IMAGE_SIZE;
        images = GraphInputs.floats(tf, "images", -1, size, size);
        labels = GraphInputs.labels(tf, "labels");
        learningRate = GraphInputs.scalar(tf, "learning_rate");
        beta1Power = GraphInputs.scalar(tf, "beta1_power");
        beta2Power = GraphInputs.scalar(tf, "beta2_power");

        ClassifierNetwork network = ClassifierNetwork.declare(graph, tf, arch);
        Operand<TFloat32> logits = network.logits(tf, network.features(tf, images));
        Operand<TFloat32> onehot = Layers.oneHot(tf, labels, arch.numClasses());
        Operand<TFloat32> crossEntropy = tf.math.neg(
                tf.sum(tf.math.mul(onehot, tf.nn.logSoftmax(logits)), tf.constant(1)));
        loss = tf.withName("loss").math.mean(crossEntropy, tf.constant(0));
        Operand<TInt32> predicted = tf.math.argMax(logits, tf.constant(1), TInt32.class);
        accuracy = tf.withName("accuracy").math.mean(
                tf.dtypes.cast(tf.math.equal(predicted, labels), TFloat32.class), tf.constant(0));

        List<ParameterSpec> specs = ClassifierNetwork.parameters(arch);
        AdamUpdates adam = AdamUpdates.minimize(graph, tf, "train", loss, network.variables(), specs,
                () -> learningRate, config.beta1(), config.beta2(), beta1Power, beta2Power);
        train = adam.train();
        initializer = WeightInitializer.create(tf, network.variables(), specs, adam.slotInitializers());
    }
}
