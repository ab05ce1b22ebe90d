package io.genstream.models.train;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import io.genstream.models.gan.DigitsGan;
import io.genstream.models.gan.GanArchitecture;
import io.genstream.models.gan.GeneratorNetwork;
import io.genstream.models.gan.DiscriminatorNetwork;
import io.genstream.models.gan.ParameterSpec;
import io.genstream.models.tf.GraphInputs;

/**
 * The training graph: both networks, the non-saturating GAN losses, one Adam per network, and an
 * initialiser that loads the Java-generated starting weights from placeholders. It holds no
 * random ops: noise, labels and batches all come in through placeholders, which is what makes a
 * run reproducible from the Java seeds.
 *
 * <p>The generator that is kept is the running average of its weights ({@link GeneratorAverage}).
 *
 * <p>Losses, with {@code s = softplus} and {@code α} the real-label smoothing:
 * {@code L_D = α·s(−D(x)) + (1−α)·s(D(x)) + s(D(G(z)))}, {@code L_G = s(−D(G(z)))}.
 */
final class GanTrainingGraph {

    final Placeholder<TFloat32> realImages;
    final Placeholder<TInt32> realLabels;
    final Placeholder<TFloat32> noise;
    final Placeholder<TInt32> fakeLabels;
    final Placeholder<TFloat32> beta1Power;
    final Placeholder<TFloat32> beta2Power;
    final Operand<TFloat32> discriminatorLoss;
    final Operand<TFloat32> generatorLoss;
    final Operand<TFloat32> generatedImages;
    final Op trainDiscriminator;
    /** A generator step, then the update of its weight average. */
    final Op trainGenerator;
    /** Replaces the generator's weights by their running average; run once at the end. */
    final Op useGeneratorAverage;
    final Op initialize;
    /** One placeholder per parameter, in {@link DigitsGan#parameters} order, feeding {@link #initialize}. */
    final List<Placeholder<TFloat32>> initialValues;

    GanTrainingGraph(Graph graph, GanConfig config) {
        Ops tf = Ops.create(graph);
        GanArchitecture arch = config.architecture();
        int size = GanArchitecture.IMAGE_SIZE;
        realImages = GraphInputs.floats(tf, "real_images", -1, size, size);
        realLabels = GraphInputs.labels(tf, "real_labels");
        noise = GraphInputs.floats(tf, "z", -1, arch.latentDim());
        fakeLabels = GraphInputs.labels(tf, "fake_labels");
        beta1Power = GraphInputs.scalar(tf, "beta1_power");
        beta2Power = GraphInputs.scalar(tf, "beta2_power");

        DigitsGan gan = DigitsGan.declare(graph, tf, arch);
        generatedImages = gan.generator().images(tf, noise, fakeLabels);
        DiscriminatorNetwork d = gan.discriminator();
        Operand<TFloat32> realLogits = d.logits(tf, realImages, realLabels);
        Operand<TFloat32> fakeLogits = d.logits(tf, generatedImages, fakeLabels);

        float alpha = (float) config.realLabelSmoothing();
        Operand<TFloat32> realTerm = tf.math.add(
                tf.math.mul(tf.constant(alpha), softplus(tf, tf.math.neg(realLogits))),
                tf.math.mul(tf.constant(1 - alpha), softplus(tf, realLogits)));
        discriminatorLoss = tf.withName("d_loss").math.add(mean(tf, realTerm), mean(tf, softplus(tf, fakeLogits)));
        generatorLoss = tf.withName("g_loss").identity(mean(tf, softplus(tf, tf.math.neg(fakeLogits))));

        AdamUpdates adamD = AdamUpdates.minimize(graph, tf, "train_discriminator", discriminatorLoss,
                gan.discriminatorVariables(), DiscriminatorNetwork.parameters(arch), config, beta1Power, beta2Power);
        AdamUpdates adamG = AdamUpdates.minimize(graph, tf, "train_generator", generatorLoss,
                gan.generatorVariables(), GeneratorNetwork.parameters(arch), config, beta1Power, beta2Power);
        trainDiscriminator = adamD.train();
        GeneratorAverage average = GeneratorAverage.track(graph, tf, gan.generatorVariables(),
                GeneratorNetwork.parameters(arch), config.generatorAverageDecay(), adamG.train());
        trainGenerator = average.update();
        useGeneratorAverage = average.copyToGenerator();

        List<Op> inits = new ArrayList<>(adamD.slotInitializers());
        inits.addAll(adamG.slotInitializers());
        initialValues = new ArrayList<>();
        List<Variable<TFloat32>> variables = new ArrayList<>(gan.generatorVariables().all());
        variables.addAll(gan.discriminatorVariables().all());
        List<ParameterSpec> specs = DigitsGan.parameters(arch);
        for (int i = 0; i < specs.size(); i++) {
            Placeholder<TFloat32> value = tf.placeholder(TFloat32.class, Placeholder.shape(specs.get(i).tfShape()));
            initialValues.add(value);
            inits.add(tf.assign(variables.get(i), value));
            if (i < gan.generatorVariables().all().size()) {
                inits.add(average.initializer(tf, i, value));
            }
        }
        initialize = tf.withName("initialize").withControlDependencies(inits).noOp();
    }

    private static Operand<TFloat32> softplus(Ops tf, Operand<TFloat32> x) {
        return tf.math.softplus(x);
    }

    private static Operand<TFloat32> mean(Ops tf, Operand<TFloat32> x) {
        return tf.math.mean(x, tf.constant(0));
    }
}
