package io.genstream.models.tf;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Named graph inputs, as the training and inference graphs declare them (-1 = a dimension of any size). */
public final class GraphInputs {

    private GraphInputs() {}

    public static Placeholder<TFloat32> floats(Ops tf, String name, long... shape) {
        return tf.withName(name).placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
    }

    /** A batch of class labels, int32 {@code [-1]}. */
    public static Placeholder<TInt32> labels(Ops tf, String name) {
        return tf.withName(name).placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
    }

    public static Placeholder<TFloat32> scalar(Ops tf, String name) {
        return tf.withName(name).placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    }
}
