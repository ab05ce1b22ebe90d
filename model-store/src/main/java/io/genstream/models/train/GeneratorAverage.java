package io.genstream.models.train;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

import io.genstream.models.gan.NetworkVariables;
import io.genstream.models.gan.ParameterSpec;

/**
 * An exponential moving average of the generator's weights (as in ProGAN, StyleGAN, BigGAN):
 * {@code avg ← avg − (1 − decay)·(avg − w)} after every generator step. GAN weights keep
 * circling around a good solution rather than settling on it; their average draws cleaner, less
 * blotchy digits than the last iterate. The discriminator keeps training against the raw
 * generator; only the exported generator is the average.
 */
final class GeneratorAverage {

    private final List<Variable<TFloat32>> averages;
    private final Op update;
    private final Op copyToGenerator;

    private GeneratorAverage(List<Variable<TFloat32>> averages, Op update, Op copyToGenerator) {
        this.averages = averages;
        this.update = update;
        this.copyToGenerator = copyToGenerator;
    }

    /**
     * @param step the generator's training step; the averages move after it
     */
    static GeneratorAverage track(Graph graph, Ops tf, NetworkVariables generator, List<ParameterSpec> specs,
            double decay, Op step) {
        List<Variable<TFloat32>> weights = generator.all();
        List<Variable<TFloat32>> averages = new ArrayList<>();
        List<Op> updates = new ArrayList<>();
        List<Op> copies = new ArrayList<>();
        Operand<TFloat32> rate = tf.constant((float) (1 - decay));
        Ops afterStep = tf.withControlDependencies(List.of(step));
        for (int i = 0; i < weights.size(); i++) {
            ParameterSpec averageSpec = new ParameterSpec("average/" + specs.get(i).name(), specs.get(i).shape(), 0);
            Variable<TFloat32> average = NetworkVariables.declare(graph, tf, List.of(averageSpec)).get(averageSpec.name());
            averages.add(average);
            updates.add(afterStep.assignSub(average, afterStep.math.mul(rate, afterStep.math.sub(average, weights.get(i)))));
            copies.add(tf.assign(weights.get(i), average));
        }
        return new GeneratorAverage(averages, tf.withName("train_generator_and_average").withControlDependencies(updates).noOp(),
                tf.withName("use_generator_average").withControlDependencies(copies).noOp());
    }

    /** Sets average {@code index} (in parameter order) to the generator's starting value. */
    Op initializer(Ops tf, int index, Operand<TFloat32> initialValue) {
        return tf.assign(averages.get(index), initialValue);
    }

    /** One generator step followed by the average update. */
    Op update() {
        return update;
    }

    /** Overwrites the generator's weights with their averages: run once, after training. */
    Op copyToGenerator() {
        return copyToGenerator;
    }
}
