package io.genstream.models.gpt;

import java.nio.file.Path;
import java.util.Map;

import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import io.genstream.models.tf.SessionConfigs;
import io.genstream.models.tf.TensorCopies;
import io.genstream.models.tf.TensorFlowNatives;

/**
 * An exported catalog-gpt SavedModel, loaded with TF Java and called only through its
 * {@code prefill} and {@code step} signatures, by input and output name: what the evaluation
 * measures is the artifact that is served, not the training graph.
 */
public final class GptSavedModel implements AutoCloseable {

    private final SavedModelBundle bundle;
    private final SessionFunction prefill;
    private final SessionFunction step;

    private GptSavedModel(SavedModelBundle bundle) {
        this.bundle = bundle;
        this.prefill = bundle.function(GptSignatures.PREFILL);
        this.step = bundle.function(GptSignatures.STEP);
    }

    public static GptSavedModel load(Path dir, int threads) {
        TensorFlowNatives.ensureLocated();
        return new GptSavedModel(SavedModelBundle.loader(dir.toString()).withTags(SavedModelBundle.DEFAULT_TAG)
                .withConfigProto(SessionConfigs.pinnedThreads(threads)).load());
    }

    /**
     * One call's outputs: next-token logits per row, and the state tensor, which stays valid
     * (and is fed to the next {@link #step}) until this is closed.
     */
    public static final class Next implements AutoCloseable {
        private final Result result;

        private Next(Result result) {
            this.result = result;
        }

        /** Logits of each row, {@code [rows][V]}. */
        public float[][] logits() {
            TFloat32 t = (TFloat32) result.get(GptSignatures.LOGITS).orElseThrow();
            float[] flat = TensorCopies.toFloats(t);
            int rows = (int) t.shape().size(0);
            int v = flat.length / rows;
            float[][] out = new float[rows][v];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(flat, r * v, out[r], 0, v);
            }
            return out;
        }

        public TFloat32 state() {
            return (TFloat32) result.get(GptSignatures.STATE).orElseThrow();
        }

        @Override
        public void close() {
            result.close();
        }
    }

    /** {@code prefill} of the given rows (each ≥ 1 id), right-padded with 0 here. */
    public Next prefill(int[][] rows) {
        int width = 1;
        for (int[] row : rows) {
            width = Math.max(width, row.length);
        }
        int[] tokens = new int[rows.length * width];
        int[] lengths = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, tokens, r * width, rows[r].length);
            lengths[r] = rows[r].length;
        }
        try (TInt32 t = TInt32.tensorOf(Shape.of(rows.length, width), DataBuffers.of(tokens, true, false));
                TInt32 l = TensorCopies.ints(lengths)) {
            return new Next(prefill.call(Map.<String, Tensor>of(GptSignatures.TOKENS, t, GptSignatures.LENGTH, l)));
        }
    }

    /** {@code step}: {@code token[r]} at {@code position[r]} against row r of {@code state}. */
    public Next step(int[] token, int[] position, TFloat32 state) {
        try (TInt32 t = TensorCopies.ints(token); TInt32 p = TensorCopies.ints(position)) {
            return new Next(step.call(Map.<String, Tensor>of(
                    GptSignatures.TOKEN, t, GptSignatures.POSITION, p, GptSignatures.STATE, state)));
        }
    }

    @Override
    public void close() {
        bundle.close();
    }
}
