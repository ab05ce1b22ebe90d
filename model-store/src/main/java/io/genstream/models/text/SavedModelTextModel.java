package io.genstream.models.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.framework.SignatureDef;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import io.genstream.models.manifest.ModelManifest;
import io.genstream.models.tf.SessionConfigs;
import io.genstream.models.tf.TensorCopies;
import io.genstream.models.tf.TensorFlowNatives;

/**
 * An exported text model (a {@code model.json} beside a SavedModel with the {@link TextSignatures}),
 * loaded with TF Java and called through its signatures' tensor names, exactly as exported: what
 * the trainer evaluates and what tests check against.
 */
public final class SavedModelTextModel implements TextModel {

    private final SavedModelBundle bundle;
    private final Session session;
    private final SignatureDef prefill;
    private final SignatureDef step;
    private final int vocabularySize;
    private final int maxLength;
    /** The state tensors' signature keys in name order, and each one's shape (as prefill returns it) without the row axis. */
    private final List<String> stateKeys;
    private final List<long[]> rowShapes;

    private SavedModelTextModel(Path dir, int threads) {
        TensorFlowNatives.ensureLocated();
        ModelManifest manifest = ModelManifest.read(dir);
        vocabularySize = new CharVocabulary((String) manifest.properties().get("vocabulary")).size();
        maxLength = manifest.intProperty("maxLength");
        bundle = SavedModelBundle.loader(dir.toString()).withTags("serve")
                .withConfigProto(SessionConfigs.pinnedThreads(threads)).load();
        session = bundle.session();
        Map<String, SignatureDef> signatures = bundle.metaGraphDef().getSignatureDefMap();
        prefill = signatures.get(TextSignatures.PREFILL);
        step = signatures.get(TextSignatures.STEP);
        stateKeys = step.getInputsMap().keySet().stream().filter(TextSignatures::isState).sorted().toList();
        // The state as the manifest says prefill returns it, of fixed shape (a step may also take it shorter:
        // catalog-gpt from version 5).
        rowShapes = stateKeys.stream().map(key -> manifest.signatures().get(TextSignatures.PREFILL).outputs().get(key)
                .shape().stream().skip(1).mapToLong(Long::longValue).toArray()).toList();
    }

    public static SavedModelTextModel load(Path dir, int threads) {
        return new SavedModelTextModel(dir, threads);
    }

    @Override
    public Output prefill(int[][] tokens) {
        int width = 1;
        for (int[] row : tokens) {
            width = Math.max(width, row.length);
        }
        int[] padded = new int[tokens.length * width];
        int[] lengths = new int[tokens.length];
        for (int r = 0; r < tokens.length; r++) {
            System.arraycopy(tokens[r], 0, padded, r * width, tokens[r].length);
            lengths[r] = tokens[r].length;
        }
        try (TInt32 t = TInt32.tensorOf(Shape.of(tokens.length, width), DataBuffers.of(padded, true, false));
                TInt32 l = TensorCopies.ints(lengths)) {
            Session.Runner runner = session.runner()
                    .feed(input(prefill, TextSignatures.TOKENS), t).feed(input(prefill, TextSignatures.LENGTH), l);
            return run(runner, prefill, tokens.length);
        }
    }

    /** @param state per row, every state tensor's row flattened and concatenated in name order */
    @Override
    public Output step(int[] tokens, int[] positions, float[][] state) {
        List<TFloat32> fed = new ArrayList<>();
        try (TInt32 t = TensorCopies.ints(tokens); TInt32 p = TensorCopies.ints(positions)) {
            Session.Runner runner = session.runner()
                    .feed(input(step, TextSignatures.TOKEN), t).feed(input(step, TextSignatures.POSITION), p);
            int offset = 0;
            for (int k = 0; k < stateKeys.size(); k++) {
                long[] rowShape = rowShapes.get(k);
                int size = (int) Arrays.stream(rowShape).reduce(1, (x, y) -> x * y);
                float[] flat = new float[tokens.length * size];
                for (int r = 0; r < tokens.length; r++) {
                    System.arraycopy(state[r], offset, flat, r * size, size);
                }
                long[] shape = new long[rowShape.length + 1];
                shape[0] = tokens.length;
                System.arraycopy(rowShape, 0, shape, 1, rowShape.length);
                TFloat32 tensor = TensorCopies.floats(flat, shape);
                fed.add(tensor);
                runner.feed(input(step, stateKeys.get(k)), tensor);
                offset += size;
            }
            return run(runner, step, tokens.length);
        } finally {
            fed.forEach(TFloat32::close);
        }
    }

    /** Fetches the logits and every state tensor; each row's state tensors are concatenated in name order. */
    private Output run(Session.Runner runner, SignatureDef signature, int rows) {
        runner.fetch(output(signature, TextSignatures.LOGITS));
        stateKeys.forEach(key -> runner.fetch(output(signature, key)));
        try (Result r = runner.run()) {
            float[][] logits = rows(TensorCopies.toFloats(r.get(0)), rows, vocabularySize);
            List<float[][]> parts = new ArrayList<>();
            int total = 0;
            for (int k = 0; k < stateKeys.size(); k++) {
                float[] flat = TensorCopies.toFloats(r.get(k + 1));
                parts.add(rows(flat, rows, flat.length / rows));
                total += flat.length / rows;
            }
            float[][] states = new float[rows][total];
            for (int row = 0; row < rows; row++) {
                int offset = 0;
                for (float[][] part : parts) {
                    System.arraycopy(part[row], 0, states[row], offset, part[row].length);
                    offset += part[row].length;
                }
            }
            return new Output(logits, states);
        }
    }

    @Override
    public int maxLength() {
        return maxLength;
    }

    private static float[][] rows(float[] flat, int rows, int width) {
        float[][] out = new float[rows][width];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * width, out[r], 0, width);
        }
        return out;
    }

    private static String input(SignatureDef signature, String key) {
        return signature.getInputsOrThrow(key).getName();
    }

    private static String output(SignatureDef signature, String key) {
        return signature.getOutputsOrThrow(key).getName();
    }

    @Override
    public void close() {
        bundle.close();
    }
}
