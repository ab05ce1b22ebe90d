package io.genstream.app.runtime;

import io.genstream.app.runtime.SequenceModel.Output;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A {@link SequenceModel} whose calls always hold a multiple of {@code rowMultiple} rows. Kernels may pick their
 * algorithm (and so their rounding) by batch size; with the row count rounded up, a row's result is the same
 * bits whatever else shared its call. Pad rows are row 0's inputs again; their outputs are dropped.
 */
final class PaddedModel<S> {

    private final SequenceModel<S> model;
    private final int rowMultiple;

    PaddedModel(SequenceModel<S> model, int rowMultiple) {
        this.model = model;
        this.rowMultiple = rowMultiple;
    }

    /** The rows a call for {@code sequences} sequences computes. */
    int rows(int sequences) {
        return (sequences + rowMultiple - 1) / rowMultiple * rowMultiple;
    }

    /** Prefills the prompts, right-padded with 0 to the longest; one output row per prompt. */
    Output<S> prefill(List<int[]> prompts) throws Exception {
        int sequences = prompts.size();
        int width = 0;
        for (int[] prompt : prompts) {
            width = Math.max(width, prompt.length);
        }
        int[][] tokens = new int[sequences][];
        int[] lengths = new int[sequences];
        for (int i = 0; i < sequences; i++) {
            tokens[i] = Arrays.copyOf(prompts.get(i), width);
            lengths[i] = prompts.get(i).length;
        }
        int rows = rows(sequences);
        return checked(model.prefill(padded(tokens, rows), padded(lengths, rows)), sequences, rows);
    }

    /** Advances each sequence by its token; one output row per sequence. The states are consumed. */
    Output<S> step(int[] tokens, int[] positions, List<S> states) throws Exception {
        int sequences = tokens.length;
        int rows = rows(sequences);
        List<S> padded = new ArrayList<>(states);
        while (padded.size() < rows) {
            padded.add(states.get(0));
        }
        return checked(model.step(padded(tokens, rows), padded(positions, rows), padded), sequences, rows);
    }

    /** Gives a sequence's state back to the model: the sequence ended. */
    void release(S state) {
        model.release(state);
    }

    /**
     * The real rows of a call's output, once it is known to hold one logits and one state row per input row;
     * the pad rows' states go back to the model.
     */
    private Output<S> checked(Output<S> output, int sequences, int rows) {
        if (output == null || output.logits() == null || output.states() == null
                || output.logits().length != rows || output.states().size() != rows) {
            if (output != null && output.states() != null) {
                output.states().stream().filter(Objects::nonNull).forEach(model::release);
            }
            throw new IllegalStateException("model returned " + describe(output) + " for " + rows + " rows");
        }
        for (int i = 0; i < sequences; i++) {
            if (output.logits()[i] == null || output.logits()[i].length == 0 || output.states().get(i) == null) {
                output.states().stream().filter(Objects::nonNull).forEach(model::release);
                throw new IllegalStateException("model returned no logits or no state for row " + i);
            }
        }
        if (rows == sequences) {
            return output;
        }
        output.states().subList(sequences, rows).forEach(model::release);
        return new Output<>(Arrays.copyOf(output.logits(), sequences), List.copyOf(output.states().subList(0, sequences)),
                output.computed());
    }

    private static String describe(Output<?> output) {
        if (output == null || output.logits() == null || output.states() == null) {
            return "no output";
        }
        return output.logits().length + " logits rows and " + output.states().size() + " state rows";
    }

    private static <T> T[] padded(T[] rows, int count) {
        T[] out = Arrays.copyOf(rows, count);
        Arrays.fill(out, rows.length, count, rows[0]);
        return out;
    }

    private static int[] padded(int[] rows, int count) {
        int[] out = Arrays.copyOf(rows, count);
        Arrays.fill(out, rows.length, count, rows[0]);
        return out;
    }

}
