package io.genstream.app.generator;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
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
 * sequence holds a {@link Row} of it. A step feeds the previous call's tensors back as they are: a sequence that
 * has left leaves a spare row behind, and a newcomer's state is written over one. Only when more than a quarter
 * of the rows would be spare, or the newcomers do not fit, are the rows regrouped (inside the engine, see
 * {@link #feed}). A KV cache that the step takes at any length is kept as long as the call's longest sequence
 * needs (in steps of {@value #LENGTH_STEP} positions). Only the logits are copied to Java. A batch's tensors are freed when
 * every row handed out has come back (stepped or released). Not thread-safe: a continuous batcher drives each
 * instance from one worker thread.
 *
 * <p>A step may write into the state tensors it is fed (catalog-gpt/3 and /4 write their KV cache in place), and
 * newcomers' states are written into them as well. So a call's tensors are fed as they are only when no row of
 * them is held by a sequence outside the step; a regrouping gathers the rows into new tensors.
 */
public final class DjlSequenceModel implements SequenceModel<DjlSequenceModel.Row>, AutoCloseable {

    static final String PREFILL = "prefill";
    static final String STEP = "step";
    /** The granularity a resizable state grows and shrinks by (see {@link #stateLength}). */
    static final int LENGTH_STEP = 32;

    private final TextModelInfo info;
    private final ZooModel<NDList, NDList> prefillModel;
    private final ZooModel<NDList, NDList> stepModel;
    private final NDManager manager;
    /** The state tensors' names, in name order: the step's state inputs, the calls' state outputs. */
    private final List<String> stateNames;
    /**
     * The axis of the state tensors that step takes at any length up to {@link #maxLength()} (a KV cache's
     * positions, catalog-gpt from version 5), or -1 when step takes them at one fixed shape.
     */
    private final int lengthAxis;
    /** Batches whose tensors are still held (read by tests: 0 once every sequence has ended). */
    private int liveBatches;
    /** Steps that regrouped their state (read by tests). */
    private int regroups;

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

        private StateBatch(NDManager manager, List<NDArray> tensors, int rows, int[] rowOf) {
            this.manager = manager;
            this.tensors = tensors;
            this.rows = rows;
            this.holders = new int[rows];
            for (int row : rowOf) {
                holders[row]++;
            }
            this.live = rowOf.length;
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
        this.lengthAxis = lengthAxis(stepModel.getBlock().describeInput().get(stateNames.get(0)));
    }

    /** The one axis after the rows that the step's state input leaves open (-1 in its signature), or -1. */
    private static int lengthAxis(Shape stateInput) {
        int axis = -1;
        for (int i = 1; stateInput != null && i < stateInput.dimension(); i++) {
            if (stateInput.get(i) < 0) {
                if (axis >= 0) {
                    return -1;
                }
                axis = i;
            }
        }
        return axis;
    }

    /**
     * Positions a state tensor is sized to when the step takes any length: what the longest sequence of the call
     * needs, rounded up to {@value #LENGTH_STEP} (so that it grows, with a copy, once every {@value #LENGTH_STEP}
     * tokens), at most {@link #maxLength()}. Attention reads every position held, so a shorter cache is a cheaper
     * step.
     */
    int stateLength(int needed) {
        return Math.min(info.maxLength(), (needed + LENGTH_STEP - 1) / LENGTH_STEP * LENGTH_STEP);
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
            return output(prefillModel.getBlock(), call, new NDList(tokenArray, lengthArray), rows, rowOf);
        } catch (RuntimeException e) {
            call.close();
            throw e;
        }
    }

    @Override
    public Output<Row> step(int[] tokens, int[] positions, List<Row> states) {
        int inputs = tokens.length;
        Set<Row> consumed = Collections.newSetFromMap(new IdentityHashMap<>());
        consumed.addAll(states);
        NDManager call = manager.newSubManager();
        try {
            int needed = 0;
            for (int position : positions) {
                needed = Math.max(needed, position + 1);
            }
            Feed feed = feed(states, lengthAxis < 0 ? -1 : stateLength(needed), call);
            // A row no input claims (a sequence that has left, a pad) repeats input 0's token and position.
            int[] callTokens = new int[feed.rows];
            int[] callPositions = new int[feed.rows];
            Arrays.fill(callTokens, tokens[0]);
            Arrays.fill(callPositions, positions[0]);
            for (int i = 0; i < inputs; i++) {
                callTokens[feed.rowOf[i]] = tokens[i];
                callPositions[feed.rowOf[i]] = positions[i];
            }
            NDArray token = call.create(callTokens);
            token.setName(TextSignatures.TOKEN);
            NDArray position = call.create(callPositions);
            position.setName(TextSignatures.POSITION);
            NDList callInputs = new NDList(token, position);
            callInputs.addAll(feed.tensors);
            return output(stepModel.getBlock(), call, callInputs, feed.rows, feed.rowOf);
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
     * @param rows the rows the call computes (the tensors' first dimension)
     * @param rowOf for input {@code i}, the row of the call that computes it
     */
    private record Feed(List<NDArray> tensors, int rows, int[] rowOf) {}

    /**
     * The most rows of a call that may belong to no input (sequences that have left): a quarter. Below it, the
     * previous call's tensors are fed as they are, their spare rows riding along (each costs a row's share of the
     * step, and a newcomer can take it over); beyond it, the rows are regrouped, which costs one copy of them.
     */
    static int spareRows(int rows) {
        return rows / 4;
    }

    /**
     * Where the step's state comes from. The main batch is the one most inputs are rows of. When no sequence
     * outside the step holds a row of it, the inputs of other batches (newcomers) fit in its rows given back, and
     * the rows left spare are at most {@link #spareRows}, its tensors are fed as they are: each of its inputs is
     * computed in the row it already has, and each newcomer's state is first written over a spare row
     * ({@code InplaceUpdate}, one op per tensor and source batch). Otherwise the inputs' rows are regrouped inside
     * the engine in input order: the source batches' tensors concatenated (when there are several), then the
     * rows gathered (one {@code GatherV2} per tensor). A pad input (the very object of input 0 again) is
     * computed in input 0's row when fed as it is, and gets a copy of it when regrouped. Where the step takes its
     * state at any length ({@link #lengthAxis}), every tensor fed is first cut or zero-extended to {@code length}
     * ({@link #stateLength} of the call's longest sequence; -1 for a fixed shape), a copy only when it changes.
     */
    private Feed feed(List<Row> states, int length, NDManager call) {
        int inputs = states.size();
        Row first = states.get(0);
        IdentityHashMap<StateBatch, Integer> share = new IdentityHashMap<>();
        int distinct = 0;
        for (int i = 0; i < inputs; i++) {
            if (i == 0 || states.get(i) != first) {
                share.merge(states.get(i).batch, 1, Integer::sum);
                distinct++;
            }
        }
        StateBatch main = first.batch;
        for (var entry : share.entrySet()) {
            if (entry.getValue() > share.get(main)) {
                main = entry.getKey();
            }
        }
        int own = share.get(main);
        int newcomers = distinct - own;
        if (main.live == own && newcomers <= main.rows - own && main.rows - distinct <= spareRows(main.rows)) {
            List<NDArray> tensors = new ArrayList<>(sized(main.tensors, length, call));
            int[] rowOf = fill(states, main, tensors, length, call);
            return new Feed(tensors, main.rows, rowOf);
        }
        regroups++;
        return regroup(states, length, call);
    }

    /**
     * One batch's state tensors (all of one length) with their {@link #lengthAxis} at {@code length}: {@code tensors}
     * themselves when they are, or when {@code length} is -1 (a state of one fixed shape); new tensors belong to
     * {@code call}.
     */
    private List<NDArray> sized(List<NDArray> tensors, int length, NDManager call) {
        if (length < 0 || tensors.get(0).getShape().get(lengthAxis) == length) {
            return tensors;
        }
        List<NDArray> out = new ArrayList<>(tensors.size());
        for (NDArray tensor : tensors) {
            NDArray resized = EagerOps.resize(tensor, lengthAxis, length);
            resized.attach(call);
            resized.setName(tensor.getName());
            out.add(resized);
        }
        return out;
    }

    /**
     * Feeds {@code main} as it is, writing each newcomer's state over a row of it given back. DJL runs eager ops
     * asynchronously, and a write's input handle reads as ready before the write has run, so each tensor written is
     * replaced in {@code tensors} by the write's output (the same buffer): the step waits for that one.
     */
    private int[] fill(List<Row> states, StateBatch main, List<NDArray> tensors, int length, NDManager call) {
        int inputs = states.size();
        Row first = states.get(0);
        int[] rowOf = new int[inputs];
        boolean[] taken = new boolean[main.rows];
        for (int i = 0; i < inputs; i++) {
            Row row = states.get(i);
            if (row.batch == main && (i == 0 || row != first)) {
                rowOf[i] = row.index;
                taken[row.index] = true;
            }
        }
        // Newcomers, grouped by their batch: which of its rows go to which spare row of main.
        IdentityHashMap<StateBatch, List<int[]>> moves = new IdentityHashMap<>();
        int spare = 0;
        for (int i = 0; i < inputs; i++) {
            Row row = states.get(i);
            if (i > 0 && row == first) {
                rowOf[i] = rowOf[0];
            } else if (row.batch != main) {
                while (taken[spare]) {
                    spare++;
                }
                taken[spare] = true;
                rowOf[i] = spare;
                moves.computeIfAbsent(row.batch, b -> new ArrayList<>()).add(new int[] {row.index, spare});
            }
        }
        moves.forEach((source, pairs) -> {
            int[] from = pairs.stream().mapToInt(pair -> pair[0]).toArray();
            int[] to = pairs.stream().mapToInt(pair -> pair[1]).toArray();
            NDArray target = call.create(to);
            List<NDArray> rows = source.tensors;
            if (!isEveryRow(from, source.rows)) {
                NDArray picked = call.create(from);
                rows = new ArrayList<>(rows.size());
                for (NDArray tensor : source.tensors) {
                    NDArray gathered = EagerOps.gather(tensor, picked);
                    gathered.attach(call);
                    rows.add(gathered);
                }
            }
            rows = sized(rows, length, call);
            for (int k = 0; k < stateNames.size(); k++) {
                NDArray written = EagerOps.writeRows(tensors.get(k), target, rows.get(k));
                written.attach(call);
                written.setName(stateNames.get(k));
                tensors.set(k, written);
            }
        });
        return rowOf;
    }

    /** Regroups the inputs' rows into new tensors of one row per input, in input order. */
    private Feed regroup(List<Row> states, int length, NDManager call) {
        int inputs = states.size();
        Row first = states.get(0);
        List<StateBatch> sources = new ArrayList<>();
        IdentityHashMap<StateBatch, Integer> offsets = new IdentityHashMap<>();
        for (Row row : states) {
            if (!offsets.containsKey(row.batch)) {
                offsets.put(row.batch, sources.stream().mapToInt(b -> b.rows).sum());
                sources.add(row.batch);
            }
        }
        int[] picked = new int[inputs];
        int[] rowOf = new int[inputs];
        for (int i = 0; i < inputs; i++) {
            Row row = states.get(i);
            picked[i] = i > 0 && row == first ? picked[0] : offsets.get(row.batch) + row.index;
            rowOf[i] = i;
        }
        NDArray indices = call.create(picked);
        // Several sources are first brought to one length and concatenated; one source is gathered, then sized.
        List<List<NDArray>> sized = new ArrayList<>();
        for (StateBatch source : sources) {
            sized.add(sources.size() == 1 ? source.tensors : sized(source.tensors, length, call));
        }
        List<NDArray> regrouped = new ArrayList<>(stateNames.size());
        for (int k = 0; k < stateNames.size(); k++) {
            NDArray params = sized.get(0).get(k);
            if (sources.size() > 1) {
                NDList all = new NDList();
                for (List<NDArray> source : sized) {
                    all.add(source.get(k));
                }
                params = NDArrays.concat(all, 0);
                params.attach(call);
            }
            NDArray tensor = EagerOps.gather(params, indices);
            tensor.attach(call);
            tensor.setName(stateNames.get(k));
            regrouped.add(tensor);
        }
        return new Feed(sources.size() == 1 ? sized(regrouped, length, call) : regrouped, inputs, rowOf);
    }

    private static boolean isEveryRow(int[] rows, int count) {
        if (rows.length != count) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (rows[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** The positions {@code row}'s state tensors hold along {@link #lengthAxis}, or -1 for a fixed shape (read by tests). */
    long heldLength(Row row) {
        return lengthAxis < 0 ? -1 : row.batch.tensors.get(0).getShape().get(lengthAxis);
    }

    /** How many steps regrouped their state (read by tests). */
    int regroups() {
        return regroups;
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
    private Output<Row> output(Block block, NDManager call, NDList inputs, int rows, int[] rowOf) {
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
        StateBatch batch = new StateBatch(call, tensors, rows, rowOf);
        float[][] logitRows = new float[rowOf.length][vocabulary];
        List<Row> states = new ArrayList<>(rowOf.length);
        for (int i = 0; i < rowOf.length; i++) {
            System.arraycopy(logits, rowOf[i] * vocabulary, logitRows[i], 0, vocabulary);
            states.add(new Row(batch, rowOf[i]));
        }
        return new Output<>(logitRows, states, rows);
    }

    @Override
    public void close() {
        manager.close();
        prefillModel.close();
        stepModel.close();
    }
}
