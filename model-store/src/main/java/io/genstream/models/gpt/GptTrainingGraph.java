package io.genstream.models.gpt;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import io.genstream.models.gan.ParameterSpec;
import io.genstream.models.train.AdamUpdates;

/**
 * The training graph: the causal pass over a padded batch, the masked next-character
 * cross-entropy (mean over the weighted positions), Adam with a learning rate fed per step, and
 * an initialiser that sets every weight to its Java-generated starting value. No random op: a run
 * is fixed by its config.
 */
final class GptTrainingGraph {

    final Placeholder<TInt32> inputs;
    final Placeholder<TInt32> targets;
    final Placeholder<TFloat32> weights;
    final Placeholder<TFloat32> learningRate;
    final Placeholder<TFloat32> beta1Power;
    final Placeholder<TFloat32> beta2Power;
    final Operand<TFloat32> loss;
    final Op train;
    final Op initialize;

    GptTrainingGraph(Graph graph, GptConfig config, GptArchitecture arch) {
        Ops tf = Ops.create(graph);
        inputs = tf.withName("inputs").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, -1)));
        targets = tf.withName("targets").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, -1)));
        weights = tf.withName("weights").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1)));
        learningRate = tf.withName("learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        beta1Power = tf.withName("beta1_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        beta2Power = tf.withName("beta2_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));

        GptNetwork network = GptNetwork.declare(graph, tf, arch);
        Operand<TFloat32> logits = network.logits(tf, network.causal(tf, inputs).hidden());
        Operand<TInt32> flat = tf.constant(new int[] {-1});
        Operand<TFloat32> truth = tf.oneHot(tf.reshape(targets, flat), tf.constant(arch.vocabularySize()),
                tf.constant(1f), tf.constant(0f));
        Operand<TFloat32> logLikelihood = tf.reduceSum(tf.math.mul(truth, tf.nn.logSoftmax(logits)), tf.constant(1));
        Operand<TFloat32> w = tf.reshape(weights, flat);
        loss = tf.withName("loss").math.div(
                tf.math.neg(tf.reduceSum(tf.math.mul(logLikelihood, w), tf.constant(0))),
                tf.reduceSum(w, tf.constant(0)));

        List<ParameterSpec> specs = arch.parameters();
        AdamUpdates adam = AdamUpdates.minimize(graph, tf, "train", loss, network.variables(), specs,
                new AdamUpdates.Settings(learningRate, config.beta1(), config.beta2(), 0), beta1Power, beta2Power);
        train = adam.train();
        List<Op> inits = new ArrayList<>(adam.slotInitializers());
        List<Variable<TFloat32>> variables = network.variables().all();
        for (int i = 0; i < specs.size(); i++) {
            ParameterSpec spec = specs.get(i);
            // Starting values as graph constants: this graph is never exported, and they are small.
            inits.add(tf.assign(variables.get(i),
                    tf.reshape(tf.constant(spec.initialValues(config.seed())), tf.constant(spec.shape()))));
        }
        initialize = tf.withName("initialize").withControlDependencies(inits).noOp();
    }
}
