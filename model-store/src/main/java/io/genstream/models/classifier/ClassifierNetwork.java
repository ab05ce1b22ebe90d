package io.genstream.models.classifier;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

import io.genstream.models.gan.Layers;
import io.genstream.models.gan.NetworkVariables;
import io.genstream.models.gan.ParameterSpec;

/**
 * p(class | image): the strided-convolution trunk of {@link io.genstream.models.gan.ImageFeatures}
 * (the digits-gan discriminator's and the digits-vae encoder's, here with its own weights) to a
 * {@code featureDim}-vector {@code h} after a leaky ReLU, then one dense layer to the class
 * logits. {@code h} is what the Fréchet distance and diversity are measured on: the last layer
 * before the classes, where images of one class lie together and the style still shows. No batch
 * norm and no dropout: a row's outputs depend on that row alone, in training as in serving.
 */
public final class ClassifierNetwork {

    private final ClassifierArchitecture arch;
    private final NetworkVariables vars;

    private ClassifierNetwork(ClassifierArchitecture arch, NetworkVariables vars) {
        this.arch = arch;
        this.vars = vars;
    }

    /** Declares the network's variables in {@code graph}. */
    public static ClassifierNetwork declare(Graph graph, Ops tf, ClassifierArchitecture arch) {
        return new ClassifierNetwork(arch, NetworkVariables.declare(graph, tf, parameters(arch)));
    }

    /** Every parameter, trunk first. */
    public static List<ParameterSpec> parameters(ClassifierArchitecture a) {
        long features = a.featureDim();
        List<ParameterSpec> all = new ArrayList<>(a.trunk().parameters());
        all.add(new ParameterSpec(ClassifierArchitecture.SCOPE + "logits/kernel",
                new long[] {features, a.numClasses()}, Math.sqrt(1.0 / features)));
        all.add(ParameterSpec.zeros(ClassifierArchitecture.SCOPE + "logits/bias", a.numClasses()));
        return List.copyOf(all);
    }

    public ClassifierArchitecture architecture() {
        return arch;
    }

    public NetworkVariables variables() {
        return vars;
    }

    /** Features {@code [batch, featureDim]} of images {@code [batch, 28, 28]} in [0, 1]. */
    public Operand<TFloat32> features(Ops tf, Operand<TFloat32> images) {
        return arch.trunk().of(tf, vars, images);
    }

    /** Class logits {@code [batch, numClasses]} from {@link #features}. */
    public Operand<TFloat32> logits(Ops tf, Operand<TFloat32> features) {
        return Layers.dense(tf, features, vars.get(ClassifierArchitecture.SCOPE + "logits/kernel"),
                vars.get(ClassifierArchitecture.SCOPE + "logits/bias"));
    }
}
