package io.genstream.models.gan;

import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * G(z, label): a DCGAN-style generator conditioned by concatenating the one-hot label to the
 * noise. {@code [z ‖ onehot] → dense → 7×7×C → upsample → 2 × conv3×3 → 14×14×C/2 → upsample →
 * 2 × conv3×3 → 28×28×C/4 → conv3×3 → sigmoid}, with leaky ReLU and pixel norm after each hidden
 * layer. The label is fed again to the first 14×14 layer (as constant feature planes) so the
 * class survives the upsampling. Nearest-neighbour upsampling followed by convolutions avoids
 * the checkerboard of transposed convolutions; the second convolution at each size smooths the
 * blocky upsampled strokes for little cost. The digits-vae's decoder is this network too (see
 * {@link GeneratorLayout}); pixel norm keeps it, like the generator, free of batch statistics.
 */
public final class GeneratorNetwork {

    private static final int BASE = 7;

    private final GeneratorLayout layout;
    private final NetworkVariables vars;

    public GeneratorNetwork(GeneratorLayout layout, NetworkVariables vars) {
        this.layout = layout;
        this.vars = vars;
    }

    public static List<ParameterSpec> parameters(GanArchitecture a) {
        return parameters(a.generatorLayout());
    }

    public static List<ParameterSpec> parameters(GeneratorLayout layout) {
        String prefix = layout.scope();
        long c1 = layout.channels();
        long c2 = c1 / 2;
        long c3 = c1 / 4;
        long classes = layout.numClasses();
        long in = layout.latentDim() + classes;
        return List.of(
                ParameterSpec.heNormal(prefix + "dense/kernel", in, in, BASE * BASE * c1),
                ParameterSpec.zeros(prefix + "dense/bias", BASE * BASE * c1),
                ParameterSpec.heNormal(prefix + "conv14/kernel", 9 * (c1 + classes), 3, 3, c1 + classes, c2),
                ParameterSpec.zeros(prefix + "conv14/bias", c2),
                ParameterSpec.heNormal(prefix + "conv14b/kernel", 9 * c2, 3, 3, c2, c2),
                ParameterSpec.zeros(prefix + "conv14b/bias", c2),
                ParameterSpec.heNormal(prefix + "conv28/kernel", 9 * c2, 3, 3, c2, c3),
                ParameterSpec.zeros(prefix + "conv28/bias", c3),
                ParameterSpec.heNormal(prefix + "conv28b/kernel", 9 * c3, 3, 3, c3, c3),
                ParameterSpec.zeros(prefix + "conv28b/bias", c3),
                // The output layer starts small: the first images are a flat grey, not noise.
                new ParameterSpec(prefix + "out/kernel", new long[] {3, 3, c3, 1}, 0.1 * Math.sqrt(1.0 / (9 * c3))),
                ParameterSpec.zeros(prefix + "out/bias", 1));
    }

    /** Images {@code [batch, 28, 28]} in [0, 1] for noise {@code [batch, latentDim]} and labels {@code [batch]}. */
    public Operand<TFloat32> images(Ops tf, Operand<TFloat32> z, Operand<TInt32> labels) {
        int size = GanArchitecture.IMAGE_SIZE;
        return Layers.reshape(tf, tf.math.sigmoid(logitMaps(tf, z, labels)), -1, size, size);
    }

    /**
     * The pre-sigmoid pixel logits {@code [batch, 28, 28]}: what a Bernoulli likelihood (the VAE's
     * reconstruction loss) is computed from, stably, without going through the rounded sigmoid.
     */
    public Operand<TFloat32> logits(Ops tf, Operand<TFloat32> z, Operand<TInt32> labels) {
        int size = GanArchitecture.IMAGE_SIZE;
        return Layers.reshape(tf, logitMaps(tf, z, labels), -1, size, size);
    }

    private Operand<TFloat32> logitMaps(Ops tf, Operand<TFloat32> z, Operand<TInt32> labels) {
        int size = GanArchitecture.IMAGE_SIZE;
        int classes = layout.numClasses();
        Operand<TFloat32> onehot = Layers.oneHot(tf, labels, classes);
        Operand<TFloat32> x = tf.concat(List.of(z, onehot), tf.constant(1));
        x = Layers.dense(tf, x, var("dense/kernel"), var("dense/bias"));
        x = Layers.reshape(tf, x, -1, BASE, BASE, layout.channels());
        x = Layers.pixelNorm(tf, Layers.leakyRelu(tf, x));
        x = Layers.upsample2x(tf, x, size / 2);
        x = tf.concat(List.of(x, labelPlanes(tf, onehot, size / 2, classes)), tf.constant(3));
        x = convBlock(tf, x, "conv14");
        x = convBlock(tf, x, "conv14b");
        x = Layers.upsample2x(tf, x, size);
        x = convBlock(tf, x, "conv28");
        x = convBlock(tf, x, "conv28b");
        return Layers.conv(tf, x, var("out/kernel"), var("out/bias"), 1);
    }

    private Operand<TFloat32> convBlock(Ops tf, Operand<TFloat32> x, String layer) {
        Operand<TFloat32> y = Layers.conv(tf, x, var(layer + "/kernel"), var(layer + "/bias"), 1);
        return Layers.pixelNorm(tf, Layers.leakyRelu(tf, y));
    }

    /** {@code [batch, classes]} → {@code [batch, side, side, classes]}: the label at every pixel. */
    static Operand<TFloat32> labelPlanes(Ops tf, Operand<TFloat32> onehot, int side, int classes) {
        Operand<TFloat32> column = Layers.reshape(tf, onehot, -1, 1, 1, classes);
        return tf.tile(column, tf.constant(new int[] {1, side, side, 1}));
    }

    private Operand<TFloat32> var(String name) {
        return vars.get(layout.scope() + name);
    }
}
