package io.genstream.models.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.framework.SavedModel;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import com.google.protobuf.CodedOutputStream;

import io.genstream.models.tf.SessionConfigs;
import io.genstream.models.tf.TensorCopies;
import io.genstream.models.tf.TensorFlowNatives;

/**
 * The graph and session behind an inference model: build the graph, then {@link #restore} the
 * trained weights by variable name, run it on Java arrays, and export it as a SavedModel.
 */
public final class InferenceSession implements AutoCloseable {

    private final Graph graph;
    private final Ops tf;
    private Session session;

    InferenceSession() {
        TensorFlowNatives.ensureLocated();
        this.graph = new Graph();
        this.tf = Ops.create(graph);
    }

    Graph graph() {
        return graph;
    }

    Ops tf() {
        return tf;
    }

    /** Starts the session on the finished graph and loads the weights saved at {@code checkpointPrefix}. */
    void restore(String checkpointPrefix, int threads) {
        session = new Session(graph, SessionConfigs.pinnedThreads(threads));
        session.restore(checkpointPrefix);
    }

    /**
     * Runs the graph on one float input (its first dimension is the batch, {@code labels.length})
     * and that batch's labels.
     *
     * @return each output, flattened row-major
     */
    @SafeVarargs
    final List<float[]> run(Placeholder<TFloat32> input, float[] values, Placeholder<TInt32> labelInput, int[] labels,
            Operand<TFloat32>... outputs) {
        try (TFloat32 x = batchOf(input, values, labels.length);
                TInt32 y = TensorCopies.ints(labels)) {
            return fetch(session.runner().feed(input, x).feed(labelInput, y), outputs);
        }
    }

    /**
     * Runs the graph on one float input alone, a batch of {@code rows}.
     *
     * @return each output, flattened row-major
     */
    @SafeVarargs
    final List<float[]> run(Placeholder<TFloat32> input, float[] values, int rows, Operand<TFloat32>... outputs) {
        try (TFloat32 x = batchOf(input, values, rows)) {
            return fetch(session.runner().feed(input, x), outputs);
        }
    }

    private static TFloat32 batchOf(Placeholder<TFloat32> input, float[] values, int rows) {
        long[] shape = input.shape().asArray();
        shape[0] = rows;
        return TensorCopies.floats(values, shape);
    }

    @SafeVarargs
    private static List<float[]> fetch(Session.Runner runner, Operand<TFloat32>... outputs) {
        for (Operand<TFloat32> output : outputs) {
            runner.fetch(output);
        }
        try (Result result = runner.run()) {
            List<float[]> fetched = new ArrayList<>();
            for (int i = 0; i < outputs.length; i++) {
                fetched.add(TensorCopies.toFloats(result.get(i)));
            }
            return fetched;
        }
    }

    /** Writes {@code saved_model.pb} and {@code variables/} into {@code dir}. */
    void export(Path dir, Signature... signatures) throws IOException {
        LeanSavedModel.write(session, dir, signatures);
    }

    /**
     * TF Java writes {@code saved_model.pb} with protobuf's default serialisation, whose map
     * order (signatures, node attributes) may change from run to run. Written again in
     * deterministic order, the same model gives the same bytes, and so the same SHA-256 in the
     * manifest, every time it is exported.
     */
    public static void rewriteDeterministically(Path savedModelPb) throws IOException {
        SavedModel model = SavedModel.parseFrom(Files.readAllBytes(savedModelPb));
        try (OutputStream file = Files.newOutputStream(savedModelPb)) {
            CodedOutputStream out = CodedOutputStream.newInstance(file);
            out.useDeterministicSerialization();
            model.writeTo(out);
            out.flush();
        }
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
        graph.close();
    }
}
