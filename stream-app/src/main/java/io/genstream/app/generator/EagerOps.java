package io.genstream.app.generator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.tensorflow.engine.TfNDManager;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The TensorFlow ops a text model's state is regrouped with, run eagerly on the tensors DJL's TensorFlow engine
 * holds, on their device: {@code GatherV2} (rows in any order, one op per tensor), {@code InplaceUpdate}
 * (rows written into a tensor's own buffer), and {@code Slice} or {@code Pad} (an axis cut or extended). DJL's
 * {@code NDArray} API lacks the first two on this engine (its indexer slices runs, one op per run, and its arrays
 * are immutable), but its {@link TfNDManager#opExecutor} runs any op;
 * that builder's class is package-private, so its methods are reached through method handles, looked up once.
 */
final class EagerOps {

    private static final MethodHandle ADD_INPUT;
    private static final MethodHandle BUILD;

    static {
        try {
            Method opExecutor = TfNDManager.class.getMethod("opExecutor", String.class);
            Class<?> executor = opExecutor.getReturnType();
            Method addInput = executor.getMethod("addInput", NDArray.class);
            Method build = executor.getMethod("buildSingletonOrThrow");
            addInput.setAccessible(true);
            build.setAccessible(true);
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ADD_INPUT = lookup.unreflect(addInput).asType(MethodType.methodType(Object.class, Object.class, NDArray.class));
            BUILD = lookup.unreflect(build).asType(MethodType.methodType(NDArray.class, Object.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExceptionInInitializerError("DJL's TensorFlow engine has no usable op executor: " + e);
        }
    }

    private EagerOps() {}

    /** Rows {@code indices} ({@code int32 [n]}) of {@code params}, in that order: a new tensor of {@code n} rows. */
    static NDArray gather(NDArray params, NDArray indices) {
        NDManager manager = params.getManager();
        try (NDArray axis = manager.create(0)) {
            return run(manager, "GatherV2", params, indices, axis);
        }
    }

    /**
     * Writes row {@code k} of {@code rows} over row {@code indices[k]} of {@code target}, in {@code target}'s own
     * buffer. Returns the op's output: the same buffer, read through a handle that is ready only once the write has
     * run. DJL runs eager ops asynchronously and {@code target}'s own handle is ready already, so the new rows must
     * be read through the output (a model call resolving it waits for the write). The caller closes it.
     */
    static NDArray writeRows(NDArray target, NDArray indices, NDArray rows) {
        return run(target.getManager(), "InplaceUpdate", target, indices, rows);
    }

    /**
     * {@code tensor} with axis {@code axis} cut or zero-padded at its end to {@code length}: {@code tensor} itself
     * when it has that length already, else a new tensor.
     */
    static NDArray resize(NDArray tensor, int axis, long length) {
        long[] shape = tensor.getShape().getShape();
        if (shape[axis] == length) {
            return tensor;
        }
        NDManager manager = tensor.getManager();
        if (length < shape[axis]) {
            long[] size = new long[shape.length];
            Arrays.fill(size, -1);
            size[axis] = length;
            try (NDArray begin = manager.create(new long[shape.length]); NDArray sizes = manager.create(size)) {
                return run(manager, "Slice", tensor, begin, sizes);
            }
        }
        long[][] paddings = new long[shape.length][2];
        paddings[axis][1] = length - shape[axis];
        try (NDArray pad = manager.create(paddings)) {
            return run(manager, "Pad", tensor, pad);
        }
    }

    private static NDArray run(NDManager manager, String op, NDArray... inputs) {
        if (!(manager instanceof TfNDManager tf)) {
            throw new IllegalArgumentException(op + " needs tensors of DJL's TensorFlow engine, not " + manager.getClass());
        }
        try {
            Object executor = tf.opExecutor(op);
            for (NDArray input : inputs) {
                executor = ADD_INPUT.invoke(executor, input);
            }
            return (NDArray) BUILD.invoke(executor);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(op + " failed: " + t, t);
        }
    }
}
