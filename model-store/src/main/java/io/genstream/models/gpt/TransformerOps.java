package io.genstream.models.gpt;

import org.tensorflow.Operand;
import org.tensorflow.OperationBuilder;
import org.tensorflow.op.Ops;
import org.tensorflow.op.Scope;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The row-wise pieces of a Transformer block. Every op here computes a row from that row alone
 * (no batch statistics), and each has a gradient in TF's C++ registry, which is what TF Java
 * differentiates graphs with.
 */
final class TransformerOps {

    /** Added to the attention score of a key a query may not see: its softmax weight becomes exactly 0. */
    static final float MASKED_SCORE = -1e9f;
    private static final float NORM_EPSILON = 1e-5f;
    private static final float GELU_SCALE = (float) Math.sqrt(2 / Math.PI);

    private TransformerOps() {}

    /** {@code x·kernel + bias} over the last axis of a 2-D input. */
    static Operand<TFloat32> linear(Ops tf, Operand<TFloat32> x, Operand<TFloat32> kernel, Operand<TFloat32> bias) {
        return tf.nn.biasAdd(tf.linalg.matMul(x, kernel), bias);
    }

    /** Layer norm over the last axis with the scale {@code 1 + gain} (see {@link GptArchitecture}). */
    static Operand<TFloat32> layerNorm(Ops tf, Operand<TFloat32> x, Operand<TFloat32> gain, Operand<TFloat32> bias) {
        Operand<TInt32> lastAxis = tf.constant(-1);
        Operand<TFloat32> centred = tf.math.sub(x, tf.math.mean(x, lastAxis, Mean.keepDims(true)));
        Operand<TFloat32> variance = tf.math.mean(tf.math.square(centred), lastAxis, Mean.keepDims(true));
        Operand<TFloat32> normed = tf.math.mul(centred, tf.math.rsqrt(tf.math.add(variance, tf.constant(NORM_EPSILON))));
        return tf.math.add(tf.math.mul(normed, tf.math.add(tf.constant(1f), gain)), bias);
    }

    /** GELU, tanh approximation (GPT-2's): {@code x/2·(1 + tanh(√(2/π)·(x + 0.044715·x³)))}. */
    static Operand<TFloat32> gelu(Ops tf, Operand<TFloat32> x) {
        Operand<TFloat32> cube = tf.math.mul(tf.math.square(x), x);
        Operand<TFloat32> inner = tf.math.mul(tf.constant(GELU_SCALE),
                tf.math.add(x, tf.math.mul(tf.constant(0.044715f), cube)));
        return tf.math.mul(tf.math.mul(tf.constant(0.5f), x), tf.math.add(tf.constant(1f), tf.math.tanh(inner)));
    }

    /** Which batched matrix product attention is built with. */
    enum Product {
        /** {@code BatchMatMul}: has a gradient in TF 2.10's C++ registry (training graphs). */
        DIFFERENTIABLE,
        /**
         * {@code BatchMatMulV3}: no gradient there, but TF's oneDNN rewrite leaves it alone, and on the tiny per-head
         * matrices of a one-token step its own kernel takes about half the time of the oneDNN one (inference graphs).
         */
        INFERENCE
    }

    /**
     * Scaled dot-product attention per head: {@code softmax(q·kᵀ/√d + maskBias)·v}, with q
     * {@code [B, H, Lq, d]}, k and v {@code [B, H, Lk, d]}, and {@code maskBias} broadcastable to
     * {@code [B, H, Lq, Lk]} (0 where the key is visible, {@link #MASKED_SCORE} where not).
     */
    static Operand<TFloat32> attention(Ops tf, Operand<TFloat32> q, Operand<TFloat32> k, Operand<TFloat32> v,
            Operand<TFloat32> maskBias, int headDim, Product product) {
        Operand<TFloat32> scores = tf.math.mul(batchMatMul(tf, q, k, true, product),
                tf.constant((float) (1 / Math.sqrt(headDim))));
        Operand<TFloat32> weights = tf.nn.softmax(tf.math.add(scores, maskBias));
        return batchMatMul(tf, weights, v, false, product);
    }

    /**
     * {@code x·y} (or {@code x·yᵀ}) over the last two axes. For {@link Product#DIFFERENTIABLE} it is built by hand:
     * TF Java's own op is {@code BatchMatMulV3}, whose gradient TF 2.10's C++ registry lacks, and
     * {@code BatchMatMul} computes the same and has one.
     */
    private static Operand<TFloat32> batchMatMul(Ops tf, Operand<TFloat32> x, Operand<TFloat32> y, boolean transposeY,
            Product product) {
        if (product == Product.INFERENCE) {
            return tf.train.batchMatMul(x, y, TFloat32.class, BatchMatMul.adjX(false), BatchMatMul.adjY(transposeY));
        }
        Scope scope = tf.scope();
        OperationBuilder op = scope.opBuilder("BatchMatMul", scope.makeOpName("BatchMatMul"));
        return op.addInput(x.asOutput()).addInput(y.asOutput()).setAttr("adj_x", false).setAttr("adj_y", transposeY)
                .build().output(0);
    }

    /** {@code 0} where {@code visible} is 1, {@link #MASKED_SCORE} where it is 0. */
    static Operand<TFloat32> maskBias(Ops tf, Operand<TFloat32> visible) {
        return tf.math.mul(tf.math.sub(tf.constant(1f), visible), tf.constant(MASKED_SCORE));
    }
}
