package io.genstream.models.train;

import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import io.genstream.models.gan.ParameterSpec;
import io.genstream.models.tf.GraphInputs;
import io.genstream.models.vae.DigitsVae;
import io.genstream.models.vae.EncoderNetwork.Posterior;
import io.genstream.models.vae.VaeArchitecture;

/**
 * The training graph: encoder, reparameterisation, decoder, the negative ELBO, one Adam over both
 * networks, and an initialiser fed with the Java-generated starting weights. Like the GAN's, it
 * holds no random ops: the noise ε of {@code z = μ + σ·ε} comes in through a placeholder, so a run
 * is reproducible from the Java seeds.
 *
 * <p>Per image, with pixel logits {@code l} and the image {@code x} as Bernoulli targets:
 * {@code reconstruction = Σ softplus(l) − x·l} (binary cross-entropy, stable for any logit),
 * {@code kl = ½ Σ (μ² + σ² − 1 − log σ²)} (the posterior against the N(0, I) prior), and
 * {@code loss = mean(reconstruction + w·kl)} with {@code w} the warm-up weight.
 */
final class VaeTrainingGraph {

    final Placeholder<TFloat32> images;
    final Placeholder<TInt32> labels;
    final Placeholder<TFloat32> epsilon;
    final Placeholder<TFloat32> klWeight;
    final Placeholder<TFloat32> learningRate;
    final Placeholder<TFloat32> beta1Power;
    final Placeholder<TFloat32> beta2Power;
    /** Batch means per image. */
    final Operand<TFloat32> loss;
    final Operand<TFloat32> reconstruction;
    final Operand<TFloat32> kl;
    final Op train;
    final Op initialize;
    /** One placeholder per parameter, in {@link DigitsVae#parameters} order, feeding {@link #initialize}. */
    final List<Placeholder<TFloat32>> initialValues;

    VaeTrainingGraph(Graph graph, VaeConfig config) {
        Ops tf = Ops.create(graph);
        VaeArchitecture arch = config.architecture();
        int size = VaeArchitecture.IMAGE_SIZE;
        images = GraphInputs.floats(tf, "images", -1, size, size);
        labels = GraphInputs.labels(tf, "labels");
        epsilon = GraphInputs.floats(tf, "epsilon", -1, arch.latentDim());
        klWeight = GraphInputs.scalar(tf, "kl_weight");
        learningRate = GraphInputs.scalar(tf, "learning_rate");
        beta1Power = GraphInputs.scalar(tf, "beta1_power");
        beta2Power = GraphInputs.scalar(tf, "beta2_power");

        DigitsVae vae = DigitsVae.declare(graph, tf, arch);
        Posterior q = vae.encoder().encode(tf, images, labels);
        Operand<TFloat32> sigma = tf.math.exp(tf.math.mul(tf.constant(0.5f), q.logVariance()));
        Operand<TFloat32> z = tf.math.add(q.mean(), tf.math.mul(sigma, epsilon));
        Operand<TFloat32> logits = vae.decoder().logits(tf, z, labels);

        Operand<TFloat32> crossEntropy = tf.math.sub(tf.math.softplus(logits), tf.math.mul(images, logits));
        Operand<TFloat32> reconstructionPerImage = tf.sum(crossEntropy, tf.constant(new int[] {1, 2}));
        Operand<TFloat32> klTerms = tf.math.sub(
                tf.math.add(tf.math.square(q.mean()), tf.math.exp(q.logVariance())),
                tf.math.add(tf.constant(1f), q.logVariance()));
        Operand<TFloat32> klPerImage = tf.math.mul(tf.constant(0.5f), tf.sum(klTerms, tf.constant(1)));
        reconstruction = tf.withName("reconstruction").math.mean(reconstructionPerImage, tf.constant(0));
        kl = tf.withName("kl").math.mean(klPerImage, tf.constant(0));
        loss = tf.withName("loss").math.add(reconstruction, tf.math.mul(klWeight, kl));

        List<ParameterSpec> specs = DigitsVae.parameters(arch);
        AdamUpdates adam = AdamUpdates.minimize(graph, tf, "train", loss, vae.variables(), specs,
                () -> learningRate, config.beta1(), config.beta2(), beta1Power, beta2Power);
        train = adam.train();

        WeightInitializer initializer = WeightInitializer.create(tf, vae.variables(), specs, adam.slotInitializers());
        initialize = initializer.initialize();
        initialValues = initializer.values();
    }
}
