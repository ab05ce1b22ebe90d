package io.genstream.app.generator;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import io.genstream.app.runtime.SequenceModel;
import io.genstream.models.text.TextSignatures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * One instance of a text model served by DJL's TensorFlow engine from a SavedModel with the {@code prefill}
 * (tokens, length → logits, state) and {@code step} (token, position, state → logits, state) signatures of the
 * catalog text models; the state may be one tensor or several ({@link TextSignatures}).
 *
 * <p>The state never leaves TensorFlow: a call's state tensors stay in the engine as a {@link StateBatch}, and a
 * sequence holds a {@link Row} of it. While a step's sequences are rows of the previous call, its tensors are fed
 * back as they are (a sequence that has left leaves a padding row behind); when sequences join, or the call can
 * shrink by a row multiple, the rows are regrouped inside the engine. Only the logits are copied to Java. A batch's tensors are freed when
 * every row handed out has come back (stepped or released). Not thread-safe: a continuous batcher drives each
 * instance from one worker thread.
 *
 * <p>A step may write into the state tensors it is fed (catalog-gpt/3 and /4 write their KV cache in place), and a
 * regrouping slice of one run of rows shares its source's buffer. So every row a step's tensors hold is either
 * a row of one of its inputs or a row already given back: the tensors are fed as they are only when no row of
 * them is held by a sequence outside the step, and a padding input rides only on a row given back.
 */
public final class DjlSequenceModel implements SequenceModel<DjlSequenceModel.Row>, AutoCloseable {

    static final String PREFILL = "prefill";
    static final String STEP = "step";

    private final TextModelInfo info;
    private final ZooModel<NDList, NDList> prefillModel;
    private final ZooModel<NDList, NDList> stepModel;
    private final NDManager manager;
    /** The state tensors' names, in name order: the step's state inputs, the calls' state outputs. */
    private final List<String> stateNames;
    /** Batches whose tensors are still held (read by tests: 0 once every sequence has ended). */
    private int liveBatches;

    /** One row of a call's state tensors: what a sequence holds between calls. */
    public static final class Row {
        private final StateBatch batch;
        private final int index;

        private Row(StateBatch batch, int index) {
            this.batch = batch;
            this.index = index;
        }
    }

    /** The state tensors of one call's rows, in the engine until every row handed out has come back. */
    private final class StateBatch {
        private final NDManager manager;
        private final List<NDArray> tensors;
        private final int rows;
        /** Per row, the handles of it handed out and not yet back (a padding input's output repeats a row). */
        private final int[] holders;
        /** Handles handed out and not yet back. */
        private int live;

        private StateBatch(NDManager manager, List<NDArray> tensors, int[] rowOf) {
            this.manager = manager;
            this.tensors = tensors;
            this.rows = rowOf.length;
            this.holders = new int[rows];
            for (int row : rowOf) {
                holders[row]++;
            }
            this.live = rows;
            liveBatches++;
        }

        private void giveBack(int index) {
            if (holders[index] == 0) {
                throw new IllegalStateException("row " + index + " of a state batch came back more often than handed out");
            }
            holders[index]--;
            if (--live == 0) {
                manager.close();
                liveBatches--;
            }
        }
    }

    private DjlSequenceModel(TextModelInfo info, ZooModel<NDList, NDList> prefillModel,
            ZooModel<NDList, NDList> stepModel) {
        this.info = info;
        this.prefillModel = prefillModel;
        this.stepModel = stepModel;
        this.manager = stepModel.getNDManager().newSubManager();
        this.stateNames = stepModel.getBlock().describeInput().keys().stream()
                .filter(TextSignatures::isState).sorted().toList();
        if (stateNames.isEmpty()) {
            throw new IllegalArgumentException(info.id() + ": the step signature takes no state");
        }
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
    public Output<Row> prefill(int[][] tokens, int[] lengths) {
        int rows = tokens.length;
        int width = 0;
        for (int[] row : tokens) {
            width = Math.max(width, row.length);
        }
        int[] flat = new int[rows * width];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(tokens[r], 0, flat, r * width, tokens[r].length);
        }
        NDManager call = manager.newSubManager();
        try {
            NDArray tokenArray = call.create(flat, new Shape(rows, width));
            tokenArray.setName(TextSignatures.TOKENS);
            NDArray lengthArray = call.create(lengths);
            lengthArray.setName(TextSignatures.LENGTH);
            int[] rowOf = new int[rows];
            Arrays.setAll(rowOf, i -> i);
            return output(prefillModel.getBlock(), call, new NDList(tokenArray, lengthArray), rowOf);
        } catch (RuntimeException e) {
            call.close();
            throw e;
        }
    }

    @Override
    public Output<Row> step(int[] tokens, int[] positions, List<Row> states) {
        int rows = tokens.length;
        Set<Row> consumed = Collections.newSetFromMap(new IdentityHashMap<>());
        consumed.addAll(states);
        NDManager call = manager.newSubManager();
        try {
            Feed feed = feed(states, consumed.size(), call);
            // A row no input claims (a sequence that has left, a pad) repeats input 0's token and position.
            int[] callTokens = new int[rows];
            int[] callPositions = new int[rows];
            Arrays.fill(callTokens, tokens[0]);
            Arrays.fill(callPositions, positions[0]);
            for (int i = 0; i < rows; i++) {
                callTokens[feed.rowOf[i]] = tokens[i];
                callPositions[feed.rowOf[i]] = positions[i];
            }
            NDArray token = call.create(callTokens);
            token.setName(TextSignatures.TOKEN);
            NDArray position = call.create(callPositions);
            position.setName(TextSignatures.POSITION);
            NDList inputs = new NDList(token, position);
            inputs.addAll(feed.tensors);
            return output(stepModel.getBlock(), call, inputs, feed.rowOf);
        } catch (RuntimeException e) {
            call.close();
            throw e;
        } finally {
            consumed.forEach(row -> row.batch.giveBack(row.index));
        }
    }

    /**
     * The state tensors a step feeds, and which of the call's rows serves each input ({@code rowOf}).
     *
     * @param tensors the state tensors, rows first
     * @param rowOf for input {@code i}, the row of the call that computes it
     */
    private record Feed(List<NDArray> tensors, int[] rowOf) {}

    /**
     * When every input is a row of the previous call, that call had as many rows as this one and no other row of
     * it is still held, its tensors are fed as they are: each input is computed in the row it already has, and
     * the rows of sequences that have left ride along as padding (every row is computed from that row alone).
     * Otherwise (sequences joined, or enough left that the call shrinks by a row multiple) the rows are regrouped
     * inside the engine, in input order: slices of runs of consecutive rows, concatenated. A pad input (the very
     * object of input 0 again) may hold any row given back, so it continues the run before it where it can.
     */
    private Feed feed(List<Row> states, int distinct, NDManager call) {
        int rows = states.size();
        Row first = states.get(0);
        int[] rowOf = new int[rows];
        if (first.batch.rows == rows && first.batch.live == distinct) {
            boolean[] taken = new boolean[rows];
            boolean inPlace = true;
            for (int i = 0; i < rows && inPlace; i++) {
                Row row = states.get(i);
                if (i > 0 && row == first) {
                    rowOf[i] = rowOf[0];
                    continue;
                }
                inPlace = row.batch == first.batch && !taken[row.index];
                if (inPlace) {
                    taken[row.index] = true;
                    rowOf[i] = row.index;
                }
            }
            if (inPlace) {
                return new Feed(first.batch.tensors, rowOf);
            }
        }
        StateBatch[] batches = new StateBatch[rows];
        int[] indices = new int[rows];
        for (int i = 0; i < rows; i++) {
            Row row = states.get(i);
            rowOf[i] = i;
            if (i > 0 && row == first && indices[i - 1] + 1 < batches[i - 1].rows
                    && batches[i - 1].holders[indices[i - 1] + 1] == 0) {
                batches[i] = batches[i - 1];
                indices[i] = indices[i - 1] + 1;
            } else {
                batches[i] = row.batch;
                indices[i] = row.index;
            }
        }
        List<NDArray> regrouped = new ArrayList<>(stateNames.size());
        for (int k = 0; k < stateNames.size(); k++) {
            NDList runs = new NDList();
            int start = 0;
            for (int i = 1; i <= rows; i++) {
                if (i == rows || batches[i] != batches[start] || indices[i] != indices[i - 1] + 1) {
                    runs.add(batches[start].tensors.get(k).get(new NDIndex(indices[start] + ":" + (indices[i - 1] + 1))));
                    start = i;
                }
            }
            NDArray tensor = runs.size() == 1 ? runs.head() : NDArrays.concat(runs, 0);
            runs.attach(call);
            tensor.attach(call);
            tensor.setName(stateNames.get(k));
            regrouped.add(tensor);
        }
        return new Feed(regrouped, rowOf);
    }

    /** How many calls' state tensors are still held; call from the thread that drives this instance. */
    int liveBatches() {
        return liveBatches;
    }

    @Override
    public void release(Row state) {
        state.batch.giveBack(state.index);
    }

    /**
     * Runs one call; its state tensors become a batch owned by {@code call}, the logits are copied out. Output
     * {@code i} is the call's row {@code rowOf[i]}.
     */
    private Output<Row> output(Block block, NDManager call, NDList inputs, int[] rowOf) {
        int rows = rowOf.length;
        NDList out = block.forward(new ParameterStore(call, false), inputs, false);
        out.attach(call);
        float[] logits = out.get(TextSignatures.LOGITS).toFloatArray();
        int vocabulary = info.vocabulary().size();
        if (logits.length != rows * vocabulary) {
            throw new IllegalStateException(info.id() + " returned " + logits.length + " logits for " + rows
                    + " rows (vocabulary " + vocabulary + ")");
        }
        List<NDArray> tensors = new ArrayList<>(stateNames.size());
        for (String name : stateNames) {
            NDArray tensor = out.get(name);
            if (tensor == null || tensor.getShape().dimension() == 0 || tensor.getShape().get(0) != rows) {
                throw new IllegalStateException(info.id() + " returned state '" + name + "' of shape "
                        + (tensor == null ? "none" : tensor.getShape()) + " for " + rows + " rows");
            }
            tensors.add(tensor);
        }
        StateBatch batch = new StateBatch(call, tensors, rowOf);
        float[][] logitRows = new float[rows][vocabulary];
        List<Row> states = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(logits, rowOf[i] * vocabulary, logitRows[i], 0, vocabulary);
            states.add(new Row(batch, rowOf[i]));
        }
        return new Output<>(logitRows, states);
    }

    @Override
    public void close() {
        manager.close();
        prefillModel.close();
        stepModel.close();
    }
}
