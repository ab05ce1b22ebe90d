package io.genstream.models.tf;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Copies between flat Java arrays and TF Java tensors (the caller closes the tensors). */
public final class TensorCopies {

    private TensorCopies() {}

    public static TFloat32 floats(float[] values, long... shape) {
        return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
    }

    public static TFloat32 scalar(float value) {
        return TFloat32.scalarOf(value);
    }

    public static TInt32 ints(int[] values) {
        return TInt32.tensorOf(Shape.of(values.length), DataBuffers.of(values, true, false));
    }

    /** All elements of a float tensor, row-major. */
    public static float[] toFloats(Tensor tensor) {
        TFloat32 t = (TFloat32) tensor;
        float[] values = new float[Math.toIntExact(t.size())];
        t.read(DataBuffers.of(values, false, false));
        return values;
    }
}
