package io.genstream.models.gan;

import java.util.Arrays;
import java.util.Random;

import org.tensorflow.ndarray.Shape;

/**
 * One trainable tensor of a network: its graph name, shape and how it starts. Initial values are
 * generated in Java from a seed mixed with the name, so they are reproducible and independent of
 * the order in which parameters are declared or of how many there are.
 *
 * @param name variable name in the graph, e.g. {@code generator/conv1/kernel}; the same in the
 *     training graph and in the exported graph, which is how trained values are carried over
 * @param shape tensor shape
 * @param initStd standard deviation of the normal initial values; 0 means zeros
 */
public record ParameterSpec(String name, long[] shape, double initStd) {

    /** A weight with He-normal initialisation for leaky-ReLU layers: std = √(2 / fanIn). */
    public static ParameterSpec heNormal(String name, long fanIn, long... shape) {
        return new ParameterSpec(name, shape, Math.sqrt(2.0 / fanIn));
    }

    public static ParameterSpec zeros(String name, long... shape) {
        return new ParameterSpec(name, shape, 0);
    }

    public Shape tfShape() {
        return Shape.of(shape);
    }

    public int size() {
        return Math.toIntExact(Arrays.stream(shape).reduce(1, Math::multiplyExact));
    }

    /**
     * Initial values: normal(0, initStd) from {@link Random#nextGaussian()}, whose algorithm the
     * Java specification fixes, so the same seed gives the same weights on every JVM.
     */
    public float[] initialValues(long seed) {
        float[] values = new float[size()];
        if (initStd == 0) {
            return values;
        }
        Random rng = new Random(seed * 31 + name.hashCode());
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (rng.nextGaussian() * initStd);
        }
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterSpec p
                && name.equals(p.name) && Arrays.equals(shape, p.shape) && initStd == p.initStd;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
