package io.genstream.models.train;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import io.genstream.models.gan.ParameterSpec;
import io.genstream.models.lstm.CharLstmArchitecture;
import io.genstream.models.lstm.CharLstmNetwork;

/**
 * The training graph: the LSTM unrolled over a fixed window from the zero state, the mean
 * cross-entropy of the next character over the real (weighted) positions, and Adam with global
 * gradient-norm clipping. Like the GAN's, it holds no random ops: batches, starting weights and the
 * learning rate all come in through placeholders.
 *
 * <p>Batches are fed time-major: {@code tokens}, {@code targets} and {@code weights} are
 * {@code [window, batchSize]}.
 */
final class CharLstmTrainingGraph {

    final Placeholder<TInt32> tokens;
    final Placeholder<TInt32> targets;
    final Placeholder<TFloat32> weights;
    final Placeholder<TFloat32> learningRate;
    final Placeholder<TFloat32> beta1Power;
    final Placeholder<TFloat32> beta2Power;
    final Operand<TFloat32> loss;
    final Op train;
    final Op initialize;
    /** One placeholder per parameter, in {@link CharLstmArchitecture#parameters()} order, feeding {@link #initialize}. */
    final List<Placeholder<TFloat32>> initialValues;

    CharLstmTrainingGraph(Graph graph, CharLstmConfig config) {
        Ops tf = Ops.create(graph);
        CharLstmArchitecture arch = config.architecture();
        int window = config.window();
        int batch = config.batchSize();
        tokens = tf.withName("tokens").placeholder(TInt32.class, Placeholder.shape(Shape.of(window, batch)));
        targets = tf.withName("targets").placeholder(TInt32.class, Placeholder.shape(Shape.of(window, batch)));
        weights = tf.withName("weights").placeholder(TFloat32.class, Placeholder.shape(Shape.of(window, batch)));
        learningRate = tf.withName("learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        beta1Power = tf.withName("beta1_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        beta2Power = tf.withName("beta2_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));

        CharLstmNetwork lstm = CharLstmNetwork.declare(graph, tf, arch);
        List<? extends Operand<TFloat32>> inputs = tf.unstack(lstm.oneHot(tf, tokens), (long) window, Unstack.axis(0L)).output();
        CharLstmNetwork.State state = lstm.zeroState(tf, tf.constant(batch));
        List<Operand<TFloat32>> outputs = new ArrayList<>();
        for (int t = 0; t < window; t++) {
            state = lstm.step(tf, inputs.get(t), state);
            outputs.add(state.top());
        }
        Operand<TFloat32> allOutputs = tf.reshape(tf.stack(outputs), tf.constant(new long[] {(long) window * batch, arch.hidden()}));
        Operand<TFloat32> logProbs = tf.nn.logSoftmax(lstm.logits(tf, allOutputs));
        Operand<TFloat32> targetRows = lstm.oneHot(tf, tf.reshape(targets, tf.constant(new long[] {(long) window * batch})));
        Operand<TFloat32> crossEntropy = tf.math.neg(tf.reduceSum(tf.math.mul(logProbs, targetRows), tf.constant(1)));
        Operand<TFloat32> flatWeights = tf.reshape(weights, tf.constant(new long[] {(long) window * batch}));
        loss = tf.withName("loss").math.div(
                tf.reduceSum(tf.math.mul(crossEntropy, flatWeights), tf.constant(0)),
                tf.math.maximum(tf.reduceSum(flatWeights, tf.constant(0)), tf.constant(1f)));

        List<ParameterSpec> specs = arch.parameters();
        AdamUpdates adam = AdamUpdates.minimize(graph, tf, "train", loss, lstm.variables(), specs,
                new AdamUpdates.Settings(learningRate, config.beta1(), config.beta2(), config.clipNorm()),
                beta1Power, beta2Power);
        train = adam.train();

        List<Op> inits = new ArrayList<>(adam.slotInitializers());
        initialValues = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Placeholder<TFloat32> value = tf.placeholder(TFloat32.class, Placeholder.shape(specs.get(i).tfShape()));
            initialValues.add(value);
            inits.add(tf.assign(lstm.variables().all().get(i), value));
        }
        initialize = tf.withName("initialize").withControlDependencies(inits).noOp();
    }
}
