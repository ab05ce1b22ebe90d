package io.genstream.app.generator;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.genstream.app.runtime.SequenceModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One instance of a text model served by DJL's TensorFlow engine from a SavedModel with the
 * {@code prefill} (tokens, length → logits, state) and {@code step} (token, position, state →
 * logits, state) signatures of the catalog text models. Not thread-safe: a continuous batcher
 * drives each instance from one worker thread.
 */
public final class DjlSequenceModel implements SequenceModel, AutoCloseable {

    static final String PREFILL = "prefill";
    static final String STEP = "step";

    private final TextModelInfo info;
    private final ZooModel<NDList, NDList> prefillModel;
    private final ZooModel<NDList, NDList> stepModel;
    private final Predictor<NDList, NDList> prefill;
    private final Predictor<NDList, NDList> step;

    private DjlSequenceModel(TextModelInfo info, ZooModel<NDList, NDList> prefillModel,
            ZooModel<NDList, NDList> stepModel) {
        this.info = info;
        this.prefillModel = prefillModel;
        this.stepModel = stepModel;
        this.prefill = prefillModel.newPredictor();
        this.step = stepModel.newPredictor();
    }

    /**
     * Loads {@code instancesPerDevice} instances on every device (each with its own sessions).
     *
     * @throws GenerationException when the model cannot be loaded
     */
    public static List<DjlSequenceModel> load(Path dir, TextModelInfo info, List<Device> devices,
            int instancesPerDevice) throws GenerationException {
        List<DjlSequenceModel> instances = new ArrayList<>();
        try {
            for (Device device : devices) {
                for (int i = 0; i < instancesPerDevice; i++) {
                    ZooModel<NDList, NDList> prefill = SavedModels.open(dir, device, PREFILL);
                    try {
                        instances.add(new DjlSequenceModel(info, prefill, SavedModels.open(dir, device, STEP)));
                    } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
                        prefill.close();
                        throw e;
                    }
                }
            }
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            instances.forEach(DjlSequenceModel::close);
            throw new GenerationException("cannot load " + info.id() + " from " + dir + ": " + e.getMessage(), e);
        }
        return instances;
    }

    public TextModelInfo info() {
        return info;
    }

    @Override
    public int maxLength() {
        return info.maxLength();
    }

    @Override
    public Output prefill(int[][] tokens, int[] lengths) throws TranslateException {
        int rows = tokens.length;
        int width = 0;
        for (int[] row : tokens) {
            width = Math.max(width, row.length);
        }
        int[] flat = new int[rows * width];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(tokens[r], 0, flat, r * width, tokens[r].length);
        }
        try (NDManager manager = prefillModel.getNDManager().newSubManager()) {
            NDArray tokenArray = manager.create(flat, new Shape(rows, width));
            tokenArray.setName("tokens");
            NDArray lengthArray = manager.create(lengths);
            lengthArray.setName("length");
            return output(prefill.predict(new NDList(tokenArray, lengthArray)), rows);
        }
    }

    @Override
    public Output step(int[] tokens, int[] positions, float[][] states) throws TranslateException {
        int rows = tokens.length;
        int size = info.stateSize();
        float[] flat = new float[rows * size];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(states[r], 0, flat, r * size, size);
        }
        try (NDManager manager = stepModel.getNDManager().newSubManager()) {
            NDArray token = manager.create(tokens);
            token.setName("token");
            NDArray position = manager.create(positions);
            position.setName("position");
            NDArray state = manager.create(flat, new Shape(rows, size));
            state.setName("state");
            return output(step.predict(new NDList(token, position, state)), rows);
        }
    }

    private Output output(NDList out, int rows) {
        try (out) {
            float[] logits = out.get("logits").toFloatArray();
            float[] states = out.get("state").toFloatArray();
            int vocabulary = info.vocabulary().size();
            int size = info.stateSize();
            if (logits.length != rows * vocabulary || states.length != rows * size) {
                throw new IllegalStateException(info.id() + " returned " + logits.length + " logits and "
                        + states.length + " state values for " + rows + " rows (vocabulary " + vocabulary
                        + ", state " + size + ")");
            }
            return new Output(split(logits, rows, vocabulary), split(states, rows, size));
        }
    }

    private static float[][] split(float[] flat, int rows, int width) {
        float[][] out = new float[rows][width];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * width, out[r], 0, width);
        }
        return out;
    }

    @Override
    public void close() {
        prefill.close();
        step.close();
        prefillModel.close();
        stepModel.close();
    }
}
