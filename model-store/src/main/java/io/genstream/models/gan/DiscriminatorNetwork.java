package io.genstream.models.gan;

import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * D(image, label): a strided-convolution discriminator with a projection head (Miyato & Koyama,
 * 2018): {@code logit = w·h + b + embed(label)·h}, where {@code h} are the image features. The
 * projection makes the score depend on whether the image fits its label, which is what pushes
 * the generator to draw the class it was asked for. {@code 28×28×1 → conv4×4/2 → 14×14×C →
 * conv4×4/2 → 7×7×2C → dense → h}, leaky ReLU throughout, no normalisation (a batch-dependent
 * score would make {@code realism} depend on the batch an image is served in).
 */
public final class DiscriminatorNetwork {

    private static final String PREFIX = "discriminator/";

    private final GanArchitecture arch;
    private final NetworkVariables vars;

    public DiscriminatorNetwork(GanArchitecture arch, NetworkVariables vars) {
        this.arch = arch;
        this.vars = vars;
    }

    public static List<ParameterSpec> parameters(GanArchitecture a) {
        long c1 = a.discriminatorChannels();
        long c2 = 2 * c1;
        long flat = 7 * 7 * c2;
        long features = a.discriminatorFeatures();
        return List.of(
                ParameterSpec.heNormal(PREFIX + "conv14/kernel", 16, 4, 4, 1, c1),
                ParameterSpec.zeros(PREFIX + "conv14/bias", c1),
                ParameterSpec.heNormal(PREFIX + "conv7/kernel", 16 * c1, 4, 4, c1, c2),
                ParameterSpec.zeros(PREFIX + "conv7/bias", c2),
                ParameterSpec.heNormal(PREFIX + "features/kernel", flat, flat, features),
                ParameterSpec.zeros(PREFIX + "features/bias", features),
                new ParameterSpec(PREFIX + "score/kernel", new long[] {features, 1}, Math.sqrt(1.0 / features)),
                ParameterSpec.zeros(PREFIX + "score/bias", 1),
                new ParameterSpec(PREFIX + "embed", new long[] {a.numClasses(), features}, Math.sqrt(1.0 / features)));
    }

    /** Logits {@code [batch]} for images {@code [batch, 28, 28]} in [0, 1] and labels {@code [batch]}. */
    public Operand<TFloat32> logits(Ops tf, Operand<TFloat32> images, Operand<TInt32> labels) {
        int size = GanArchitecture.IMAGE_SIZE;
        Operand<TFloat32> x = Layers.reshape(tf, images, -1, size, size, 1);
        // Centre the input on 0: the first layer's biases need not learn the 0.5 offset.
        x = tf.math.sub(tf.math.mul(x, tf.constant(2f)), tf.constant(1f));
        x = Layers.leakyRelu(tf, Layers.conv(tf, x, var("conv14/kernel"), var("conv14/bias"), 2));
        x = Layers.leakyRelu(tf, Layers.conv(tf, x, var("conv7/kernel"), var("conv7/bias"), 2));
        x = Layers.reshape(tf, x, -1, 7L * 7 * 2 * arch.discriminatorChannels());
        Operand<TFloat32> h = Layers.leakyRelu(tf, Layers.dense(tf, x, var("features/kernel"), var("features/bias")));
        Operand<TFloat32> unconditional = Layers.dense(tf, h, var("score/kernel"), var("score/bias"));
        Operand<TFloat32> embedded = tf.linalg.matMul(Layers.oneHot(tf, labels, arch.numClasses()), var("embed"));
        Operand<TFloat32> projection = tf.sum(tf.math.mul(h, embedded), tf.constant(1), Sum.keepDims(true));
        return Layers.reshape(tf, tf.math.add(unconditional, projection), -1);
    }

    private Operand<TFloat32> var(String name) {
        return vars.get(PREFIX + name);
    }
}
