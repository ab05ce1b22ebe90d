package io.genstream.models.text;

import java.nio.file.Path;
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
    private final int stateSize;
    private final int maxLength;

    private SavedModelTextModel(Path dir, int threads) {
        TensorFlowNatives.ensureLocated();
        ModelManifest manifest = ModelManifest.read(dir);
        vocabularySize = new CharVocabulary((String) manifest.properties().get("vocabulary")).size();
        stateSize = manifest.intProperty("stateSize");
        maxLength = manifest.intProperty("maxLength");
        bundle = SavedModelBundle.loader(dir.toString()).withTags("serve")
                .withConfigProto(SessionConfigs.pinnedThreads(threads)).load();
        session = bundle.session();
        Map<String, SignatureDef> signatures = bundle.metaGraphDef().getSignatureDefMap();
        prefill = signatures.get(TextSignatures.PREFILL);
        step = signatures.get(TextSignatures.STEP);
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
                TInt32 l = TensorCopies.ints(lengths);
                Result r = session.runner()
                        .feed(input(prefill, TextSignatures.TOKENS), t).feed(input(prefill, TextSignatures.LENGTH), l)
                        .fetch(output(prefill, TextSignatures.LOGITS)).fetch(output(prefill, TextSignatures.STATE)).run()) {
            return output(r, tokens.length);
        }
    }

    @Override
    public Output step(int[] tokens, int[] positions, float[][] state) {
        float[] flat = new float[tokens.length * stateSize];
        for (int r = 0; r < tokens.length; r++) {
            System.arraycopy(state[r], 0, flat, r * stateSize, stateSize);
        }
        try (TInt32 t = TensorCopies.ints(tokens);
                TInt32 p = TensorCopies.ints(positions);
                TFloat32 s = TensorCopies.floats(flat, tokens.length, stateSize);
                Result r = session.runner()
                        .feed(input(step, TextSignatures.TOKEN), t).feed(input(step, TextSignatures.POSITION), p)
                        .feed(input(step, TextSignatures.STATE), s)
                        .fetch(output(step, TextSignatures.LOGITS)).fetch(output(step, TextSignatures.STATE)).run()) {
            return output(r, tokens.length);
        }
    }

    @Override
    public int maxLength() {
        return maxLength;
    }

    private Output output(Result r, int rows) {
        return new Output(rows(TensorCopies.toFloats(r.get(0)), rows, vocabularySize), rows(TensorCopies.toFloats(r.get(1)), rows, stateSize));
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
