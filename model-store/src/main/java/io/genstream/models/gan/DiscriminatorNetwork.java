package io.genstream.models.gan;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * D(image, label): a strided-convolution discriminator with a projection head (Miyato & Koyama,
 * 2018): {@code logit = w·h + b + embed(label)·h}, where {@code h} are the image features of
 * {@link ImageFeatures}. The projection makes the score depend on whether the image fits its
 * label, which is what pushes the generator to draw the class it was asked for. No
 * normalisation anywhere (a batch-dependent score would make {@code realism} depend on the batch
 * an image is served in).
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
        long features = a.discriminatorFeatures();
        List<ParameterSpec> all = new ArrayList<>(trunk(a).parameters());
        all.add(new ParameterSpec(PREFIX + "score/kernel", new long[] {features, 1}, Math.sqrt(1.0 / features)));
        all.add(ParameterSpec.zeros(PREFIX + "score/bias", 1));
        all.add(new ParameterSpec(PREFIX + "embed", new long[] {a.numClasses(), features}, Math.sqrt(1.0 / features)));
        return List.copyOf(all);
    }

    private static ImageFeatures trunk(GanArchitecture a) {
        return new ImageFeatures(PREFIX, a.discriminatorChannels(), a.discriminatorFeatures());
    }

    /** Logits {@code [batch]} for images {@code [batch, 28, 28]} in [0, 1] and labels {@code [batch]}. */
    public Operand<TFloat32> logits(Ops tf, Operand<TFloat32> images, Operand<TInt32> labels) {
        Operand<TFloat32> h = trunk(arch).of(tf, vars, images);
        Operand<TFloat32> unconditional = Layers.dense(tf, h, var("score/kernel"), var("score/bias"));
        Operand<TFloat32> embedded = tf.linalg.matMul(Layers.oneHot(tf, labels, arch.numClasses()), var("embed"));
        Operand<TFloat32> projection = tf.sum(tf.math.mul(h, embedded), tf.constant(1), Sum.keepDims(true));
        return Layers.reshape(tf, tf.math.add(unconditional, projection), -1);
    }

    private Operand<TFloat32> var(String name) {
        return vars.get(PREFIX + name);
    }
}
