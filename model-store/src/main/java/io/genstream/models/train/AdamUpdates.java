package io.genstream.models.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

import io.genstream.models.gan.NetworkVariables;
import io.genstream.models.gan.ParameterSpec;

/**
 * Adam for one network (a GAN's generator or discriminator; a VAE's encoder and decoder together): gradients of its loss with respect to its own variables only (a GAN
 * must not let the discriminator's loss move the generator, nor the reverse), one pair of moment
 * slots per variable, and TF's fused {@code ApplyAdam} kernel. The bias-correction powers
 * β1^t, β2^t are fed from Java, so the step count lives in the trainer and not in the graph.
 */
public final class AdamUpdates {

    private final Op train;
    private final List<Op> slotInitializers;

    private AdamUpdates(Op train, List<Op> slotInitializers) {
        this.train = train;
        this.slotInitializers = slotInitializers;
    }

    static AdamUpdates minimize(
            Graph graph, Ops tf, String name, Operand<TFloat32> loss, NetworkVariables vars,
            List<ParameterSpec> specs, GanConfig config, Operand<TFloat32> beta1Power, Operand<TFloat32> beta2Power) {
        return minimize(graph, tf, name, loss, vars, specs, () -> tf.constant((float) config.learningRate()),
                config.beta1(), config.beta2(), beta1Power, beta2Power);
    }

    /**
     * Adam's settings for one network.
     *
     * @param learningRate the step size (a constant, or a placeholder for a schedule)
     * @param clipNorm when above 0, all gradients are scaled together so that their global L2 norm
     *     is at most this (as recurrent networks need); 0 leaves them as they are
     */
    public record Settings(Operand<TFloat32> learningRate, double beta1, double beta2, double clipNorm) {}

    public static AdamUpdates minimize(
            Graph graph, Ops tf, String name, Operand<TFloat32> loss, NetworkVariables vars,
            List<ParameterSpec> specs, Settings settings, Operand<TFloat32> beta1Power, Operand<TFloat32> beta2Power) {
        return minimize(graph, tf, name, loss, vars, specs, settings::learningRate, settings.beta1(),
                settings.beta2(), settings.clipNorm(), beta1Power, beta2Power);
    }

    /**
     * @param learningRate the step size: a constant, or a placeholder fed every step for a
     *     schedule. Made after the gradients, so that the digits-gan's graph stays, node for node,
     *     the one its published weights were trained with.
     */
    static AdamUpdates minimize(
            Graph graph, Ops tf, String name, Operand<TFloat32> loss, NetworkVariables vars, List<ParameterSpec> specs,
            Supplier<Operand<TFloat32>> learningRate, double beta1Value, double beta2Value,
            Operand<TFloat32> beta1Power, Operand<TFloat32> beta2Power) {
        return minimize(graph, tf, name, loss, vars, specs, learningRate, beta1Value, beta2Value, 0,
                beta1Power, beta2Power);
    }

    private static AdamUpdates minimize(
            Graph graph, Ops tf, String name, Operand<TFloat32> loss, NetworkVariables vars, List<ParameterSpec> specs,
            Supplier<Operand<TFloat32>> learningRate, double beta1Value, double beta2Value, double clipNorm,
            Operand<TFloat32> beta1Power, Operand<TFloat32> beta2Power) {
        List<Variable<TFloat32>> variables = vars.all();
        Gradients gradients = tf.gradients(loss, variables);
        Operand<TFloat32> lr = learningRate.get();
        Operand<TFloat32> beta1 = tf.constant((float) beta1Value);
        Operand<TFloat32> beta2 = tf.constant((float) beta2Value);
        Operand<TFloat32> epsilon = tf.constant(1e-8f);
        // Variables are TF1 reference variables, updated in place: an update that ran while the
        // backward pass still reads that variable (e.g. a layer's kernel, needed for the gradient
        // of the layer below) would corrupt the gradients, and nondeterministically. So every
        // update waits until every gradient of this loss has been computed.
        List<Op> allGradients = new ArrayList<>(gradients.dy());
        Ops afterGradients = tf.withControlDependencies(allGradients);
        Operand<TFloat32> clipScale = clipNorm > 0 ? clipScale(tf, gradients, clipNorm) : null;
        List<Op> updates = new ArrayList<>();
        List<Op> initializers = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            ParameterSpec spec = specs.get(i);
            Variable<TFloat32> m = slot(graph, tf, spec, "m");
            Variable<TFloat32> v = slot(graph, tf, spec, "v");
            initializers.add(tf.assign(m, tf.zeros(tf.constant(spec.shape()), TFloat32.class)));
            initializers.add(tf.assign(v, tf.zeros(tf.constant(spec.shape()), TFloat32.class)));
            Operand<TFloat32> grad = clipScale == null ? gradients.dy(i) : tf.math.mul(gradients.<TFloat32>dy(i), clipScale);
            updates.add(afterGradients.train.applyAdam(
                    variables.get(i), m, v, beta1Power, beta2Power, lr, beta1, beta2, epsilon, grad));
        }
        return new AdamUpdates(tf.withName(name).withControlDependencies(updates).noOp(), initializers);
    }

    /** {@code min(1, clipNorm / ‖g‖)} over all gradients together, so clipping keeps their direction. */
    private static Operand<TFloat32> clipScale(Ops tf, Gradients gradients, double clipNorm) {
        Operand<TFloat32> squares = null;
        for (int i = 0; i < gradients.dy().size(); i++) {
            Operand<TFloat32> g = gradients.dy(i);
            Operand<TFloat32> sum = tf.reduceSum(tf.math.square(g), tf.range(tf.constant(0), tf.rank(g), tf.constant(1)));
            squares = squares == null ? sum : tf.math.add(squares, sum);
        }
        Operand<TFloat32> norm = tf.math.sqrt(squares);
        Operand<TFloat32> limit = tf.constant((float) clipNorm);
        return tf.math.div(limit, tf.math.maximum(norm, limit));
    }

    private static Variable<TFloat32> slot(Graph graph, Ops tf, ParameterSpec spec, String moment) {
        ParameterSpec slotSpec = new ParameterSpec("adam/" + spec.name() + "/" + moment, spec.shape(), 0);
        return NetworkVariables.declare(graph, tf, List.of(slotSpec)).get(slotSpec.name());
    }

    /** Runs one Adam step for every variable of the network. */
    public Op train() {
        return train;
    }

    /** Zero the moment slots. */
    public List<Op> slotInitializers() {
        return slotInitializers;
    }
}
