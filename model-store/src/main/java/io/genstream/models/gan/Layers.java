package io.genstream.models.gan;

import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Reshape;
import org.tensorflow.op.image.ResizeNearestNeighbor;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The few layer shapes the digits networks use, each built only from ops whose gradients TF's C++
 * registry knows (MatMul, Conv2D, BiasAdd, LeakyRelu, ResizeNearestNeighbor, Rsqrt, Mean...): TF
 * Java differentiates graphs through that registry, and e.g. FusedBatchNorm or a transposed
 * convolution would not be safe there. Shared by the digits-gan and digits-vae networks.
 */
public final class Layers {

    private static final float LEAK = 0.2f;
    private static final float PIXEL_NORM_EPSILON = 1e-8f;

    private Layers() {}

    public static Operand<TFloat32> dense(Ops tf, Operand<TFloat32> x, Operand<TFloat32> kernel, Operand<TFloat32> bias) {
        return tf.nn.biasAdd(tf.linalg.matMul(x, kernel), bias);
    }

    /** 2-D convolution, NHWC, "same" padding. */
    public static Operand<TFloat32> conv(
            Ops tf, Operand<TFloat32> x, Operand<TFloat32> kernel, Operand<TFloat32> bias, long stride) {
        return tf.nn.biasAdd(tf.nn.conv2d(x, kernel, List.of(1L, stride, stride, 1L), "SAME"), bias);
    }

    public static Operand<TFloat32> leakyRelu(Ops tf, Operand<TFloat32> x) {
        return tf.nn.leakyRelu(x, LeakyRelu.alpha(LEAK));
    }

    /**
     * Pixel-wise feature normalisation (ProGAN): each pixel's feature vector scaled to unit RMS.
     * It steadies the generator like batch norm does, but depends on one sample only, so an image
     * does not change with the batch it is served in.
     */
    public static Operand<TFloat32> pixelNorm(Ops tf, Operand<TFloat32> x) {
        Operand<TFloat32> meanSquare = tf.math.mean(tf.math.square(x), tf.constant(-1), Mean.keepDims(true));
        return tf.math.mul(x, tf.math.rsqrt(tf.math.add(meanSquare, tf.constant(PIXEL_NORM_EPSILON))));
    }

    /** Doubles height and width by repeating pixels: upsampling without checkerboard artefacts. */
    public static Operand<TFloat32> upsample2x(Ops tf, Operand<TFloat32> x, int targetSize) {
        return tf.image.resizeNearestNeighbor(
                x, tf.constant(new int[] {targetSize, targetSize}), ResizeNearestNeighbor.halfPixelCenters(true));
    }

    public static Operand<TFloat32> reshape(Ops tf, Operand<TFloat32> x, long... shape) {
        return Reshape.create(tf.scope(), x, tf.constant(shape));
    }

    /** One-hot float rows for integer labels: {@code [batch] → [batch, numClasses]}. */
    public static Operand<TFloat32> oneHot(Ops tf, Operand<TInt32> labels, int numClasses) {
        return tf.oneHot(labels, tf.constant(numClasses), tf.constant(1f), tf.constant(0f));
    }
}
