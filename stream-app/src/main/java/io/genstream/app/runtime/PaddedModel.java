package io.genstream.app.runtime;

import io.genstream.app.runtime.SequenceModel.Output;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link SequenceModel} whose calls always hold a multiple of {@code rowMultiple} rows. Kernels may pick their
 * algorithm (and so their rounding) by batch size; with the row count rounded up, a row's result is the same
 * bits whatever else shared its call. Pad rows are row 0's inputs again; their outputs are dropped.
 */
final class PaddedModel {

    private final SequenceModel model;
    private final int rowMultiple;

    PaddedModel(SequenceModel model, int rowMultiple) {
        this.model = model;
        this.rowMultiple = rowMultiple;
    }

    /** The rows a call for {@code sequences} sequences computes. */
    int rows(int sequences) {
        return (sequences + rowMultiple - 1) / rowMultiple * rowMultiple;
    }

    /** Prefills the prompts, right-padded with 0 to the longest; one output row per prompt. */
    Output prefill(List<int[]> prompts) throws Exception {
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

    /** Advances each sequence by its token; one output row per sequence. */
    Output step(int[] tokens, int[] positions, float[][] states) throws Exception {
        int sequences = tokens.length;
        int rows = rows(sequences);
        return checked(model.step(padded(tokens, rows), padded(positions, rows), padded(states, rows)),
                sequences, rows);
    }

    /** The real rows of a call's output, once it is known to hold one logits and one state row per input row. */
    private static Output checked(Output output, int sequences, int rows) {
        if (output == null || output.logits() == null || output.states() == null
                || output.logits().length != rows || output.states().length != rows) {
            throw new IllegalStateException("model returned " + describe(output) + " for " + rows + " rows");
        }
        for (int i = 0; i < sequences; i++) {
            if (output.logits()[i] == null || output.logits()[i].length == 0 || output.states()[i] == null) {
                throw new IllegalStateException("model returned no logits or no state for row " + i);
            }
        }
        return rows == sequences ? output : new Output(
                Arrays.copyOf(output.logits(), sequences), Arrays.copyOf(output.states(), sequences));
    }

    private static String describe(Output output) {
        if (output == null || output.logits() == null || output.states() == null) {
            return "no output";
        }
        return output.logits().length + " logits rows and " + output.states().length + " state rows";
    }

    private static int[] padded(int[] rows, int count) {
        int[] out = Arrays.copyOf(rows, count);
        Arrays.fill(out, rows.length, count, rows[0]);
        return out;
    }

    private static <T> T[] padded(T[] rows, int count) {
        T[] out = Arrays.copyOf(rows, count);
        Arrays.fill(out, rows.length, count, rows[0]);
        return out;
    }
}
