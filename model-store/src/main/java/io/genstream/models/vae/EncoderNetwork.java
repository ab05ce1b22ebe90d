package io.genstream.models.vae;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import io.genstream.models.gan.Layers;
import io.genstream.models.gan.NetworkVariables;
import io.genstream.models.gan.ParameterSpec;

/**
 * q(z | image, label): the strided-convolution trunk of {@link io.genstream.models.gan.ImageFeatures}
 * and two dense heads on {@code [h ‖ onehot(label)]}, the mean and the log-variance of a diagonal
 * Gaussian over z. Given the label, the latent need not spend capacity on the class and is left
 * with the style (slant, thickness, shape). No normalisation: a row's code depends on that row only.
 */
public final class EncoderNetwork {

    static final String SCOPE = "encoder/";

    private final VaeArchitecture arch;
    private final NetworkVariables vars;

    public EncoderNetwork(VaeArchitecture arch, NetworkVariables vars) {
        this.arch = arch;
        this.vars = vars;
    }

    public static List<ParameterSpec> parameters(VaeArchitecture a) {
        long in = a.encoderFeatures() + a.numClasses();
        long latent = a.latentDim();
        List<ParameterSpec> all = new ArrayList<>(a.encoderTrunk().parameters());
        all.add(new ParameterSpec(SCOPE + "mean/kernel", new long[] {in, latent}, Math.sqrt(1.0 / in)));
        all.add(ParameterSpec.zeros(SCOPE + "mean/bias", latent));
        // Small at first: every posterior starts close to N(0, 1), with no huge variances to undo.
        all.add(new ParameterSpec(SCOPE + "log_variance/kernel", new long[] {in, latent}, 0.1 * Math.sqrt(1.0 / in)));
        all.add(ParameterSpec.zeros(SCOPE + "log_variance/bias", latent));
        return List.copyOf(all);
    }

    /** The posterior of images {@code [batch, 28, 28]} in [0, 1] under labels {@code [batch]}. */
    public Posterior encode(Ops tf, Operand<TFloat32> images, Operand<TInt32> labels) {
        Operand<TFloat32> h = arch.encoderTrunk().of(tf, vars, images);
        Operand<TFloat32> x = tf.concat(List.of(h, Layers.oneHot(tf, labels, arch.numClasses())), tf.constant(1));
        return new Posterior(
                Layers.dense(tf, x, vars.get(SCOPE + "mean/kernel"), vars.get(SCOPE + "mean/bias")),
                Layers.dense(tf, x, vars.get(SCOPE + "log_variance/kernel"), vars.get(SCOPE + "log_variance/bias")));
    }

    /** A diagonal Gaussian, {@code [batch, latentDim]} each. */
    public record Posterior(Operand<TFloat32> mean, Operand<TFloat32> logVariance) {}
}
