package io.genstream.models.gan;

import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A 28×28 image to a feature vector: {@code conv4×4/2 → 14×14×C → conv4×4/2 → 7×7×2C → dense → h},
 * leaky ReLU throughout, no normalisation, so a row's features depend on that row alone. The
 * trunk of the digits-gan discriminator and of the digits-vae encoder, each under its own scope.
 *
 * @param scope variable name prefix, ending in {@code /}
 * @param channels channels of the 14×14 map; doubled at 7×7
 * @param features length of {@code h}
 */
public record ImageFeatures(String scope, int channels, int features) {

    public ImageFeatures {
        if (!scope.endsWith("/") || channels < 1 || features < 1) {
            throw new IllegalArgumentException("invalid feature trunk: " + this);
        }
    }

    public List<ParameterSpec> parameters() {
        long c1 = channels;
        long c2 = 2 * c1;
        long flat = 7 * 7 * c2;
        return List.of(
                ParameterSpec.heNormal(scope + "conv14/kernel", 16, 4, 4, 1, c1),
                ParameterSpec.zeros(scope + "conv14/bias", c1),
                ParameterSpec.heNormal(scope + "conv7/kernel", 16 * c1, 4, 4, c1, c2),
                ParameterSpec.zeros(scope + "conv7/bias", c2),
                ParameterSpec.heNormal(scope + "features/kernel", flat, flat, features),
                ParameterSpec.zeros(scope + "features/bias", features));
    }

    /** Features {@code [batch, features]} of images {@code [batch, 28, 28]} in [0, 1]. */
    public Operand<TFloat32> of(Ops tf, NetworkVariables vars, Operand<TFloat32> images) {
        int size = GanArchitecture.IMAGE_SIZE;
        Operand<TFloat32> x = Layers.reshape(tf, images, -1, size, size, 1);
        // Centre the input on 0: the first layer's biases need not learn the 0.5 offset.
        x = tf.math.sub(tf.math.mul(x, tf.constant(2f)), tf.constant(1f));
        x = Layers.leakyRelu(tf, Layers.conv(tf, x, vars.get(scope + "conv14/kernel"), vars.get(scope + "conv14/bias"), 2));
        x = Layers.leakyRelu(tf, Layers.conv(tf, x, vars.get(scope + "conv7/kernel"), vars.get(scope + "conv7/bias"), 2));
        x = Layers.reshape(tf, x, -1, 7L * 7 * 2 * channels);
        return Layers.leakyRelu(tf, Layers.dense(tf, x, vars.get(scope + "features/kernel"), vars.get(scope + "features/bias")));
    }
}
