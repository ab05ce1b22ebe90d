package io.genstream.app.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import io.genstream.app.TestModels;
import io.genstream.app.runtime.SequenceModel.Output;
import io.genstream.models.registry.ModelRegistry;
import io.genstream.models.registry.ModelVersion;
import io.genstream.models.tf.TensorFlowNatives;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The served text models keep their state inside TensorFlow: a sequence gets exactly the logits it gets when
 * stepped on its own whether its rows are fed back as they are (others having left, inputs reordered, padded,
 * newcomers written over spare rows) or regrouped, and every call's tensors are freed once its rows have come
 * back. Where calls hold 8 rows results are compared bit for bit; where a regrouping changes the row count, to
 * within 1e-4.
 */
class DjlSequenceModelTest {

    private static final int ROWS = 8;
    private static ModelRegistry registry;

    @BeforeAll
    static void registry() {
        TensorFlowNatives.ensureLocated();
        registry = ModelRegistry.open(TestModels.MODEL_STORE);
    }

    @AfterAll
    static void done() {
        registry = null;
    }

    private static DjlSequenceModel load(String name) throws GenerationException {
        ModelVersion version = registry.latest(name).orElseThrow();
        return DjlSequenceModel.load(version.dir(), TextModelInfo.of(version), List.of(Device.cpu()), 1).get(0);
    }

    /** Eight prompts of different lengths over the model's vocabulary (ids 1…). */
    private static int[][] prompts(int vocabulary) {
        int[][] prompts = new int[ROWS][];
        for (int r = 0; r < ROWS; r++) {
            prompts[r] = new int[3 + 2 * r];
            for (int t = 0; t < prompts[r].length; t++) {
                prompts[r][t] = 1 + (7 * r + 3 * t) % (vocabulary - 1);
            }
        }
        return prompts;
    }

    private static int[] lengths(int[][] prompts) {
        int[] lengths = new int[prompts.length];
        int width = 0;
        for (int[] p : prompts) {
            width = Math.max(width, p.length);
        }
        for (int r = 0; r < prompts.length; r++) {
            lengths[r] = prompts[r].length;
            prompts[r] = Arrays.copyOf(prompts[r], width);
        }
        return lengths;
    }

    /** The token fed at step {@code k} (1, 2, 3) of every sequence. */
    private static int token(int k) {
        return 4 + k;
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalog-gpt", "catalog-lstm"})
    void rowsGetTheLogitsTheyGetAloneWhereverTheyAreAndEveryBatchIsFreed(String name) throws Exception {
        try (DjlSequenceModel model = load(name)) {
            Started started = startTogether(model);
            int[] lengths = started.lengths();
            int[][] prompts = started.prompts();
            float[][][] expected = started.expected();
            Output<DjlSequenceModel.Row> first = started.first();

            // Step 2: sequences 2 and 5 have left, the rest come in reverse order, padded with input 0 (the
            // previous call's tensors are fed as they are, the two free rows riding along).
            model.release(first.states().get(2));
            model.release(first.states().get(5));
            List<Integer> order = List.of(7, 6, 4, 3, 1, 0);
            List<DjlSequenceModel.Row> states = new ArrayList<>();
            int[] p2 = new int[ROWS];
            for (int i = 0; i < ROWS; i++) {
                int r = order.get(Math.min(i, order.size() - 1));
                states.add(i < order.size() ? first.states().get(r) : states.get(0));
                p2[i] = i < order.size() ? lengths[r] + 1 : p2[0];
            }
            Output<DjlSequenceModel.Row> second = model.step(filled(token(2)), p2, states);
            for (int i = 0; i < order.size(); i++) {
                assertThat(second.logits()[i]).as("row %d, step 2", order.get(i)).containsExactly(expected[2][order.get(i)]);
            }
            second.states().subList(order.size(), ROWS).forEach(model::release); // pads, as the runtime does

            // Step 3: prompts 2 and 5 come back as newcomers from their own prefill (written over the two spare rows).
            Output<DjlSequenceModel.Row> newcomers = model.prefill(new int[][] {prompts[2], prompts[5]},
                    new int[] {lengths[2], lengths[5]});
            List<DjlSequenceModel.Row> third = new ArrayList<>(second.states().subList(0, order.size()));
            third.addAll(newcomers.states());
            int[] t3 = new int[ROWS];
            int[] p3 = new int[ROWS];
            for (int i = 0; i < ROWS; i++) {
                boolean old = i < order.size();
                int r = old ? order.get(i) : (i == order.size() ? 2 : 5);
                t3[i] = old ? token(3) : token(1);
                p3[i] = old ? lengths[r] + 2 : lengths[r];
            }
            Output<DjlSequenceModel.Row> stepped = model.step(t3, p3, third);
            for (int i = 0; i < ROWS; i++) {
                boolean old = i < order.size();
                int r = old ? order.get(i) : (i == order.size() ? 2 : 5);
                assertThat(stepped.logits()[i]).as("row %d, step %d", r, old ? 3 : 1)
                        .containsExactly(expected[old ? 3 : 1][r]);
            }
            releaseAndCheckFreed(model, stepped.states());
        }
    }

    /**
     * A step may write into the tensors it is fed (catalog-gpt's cache is written in place), so rows of a call still
     * held by sequences that are not in a step must not be fed to it: here six of eight sequences step while the
     * two with the longest prompts wait, and the padding rides on input 0 (the shortest prompt, whose position is
     * one the waiting sequences attend to). The waiting two then step and still get exactly their own logits.
     */
    @ParameterizedTest
    @ValueSource(strings = {"catalog-gpt", "catalog-lstm"})
    void aStepLeavesTheRowsOfSequencesOutsideItUntouched(String name) throws Exception {
        try (DjlSequenceModel model = load(name)) {
            Started started = startTogether(model);
            List<DjlSequenceModel.Row> some = new ArrayList<>(started.first().states().subList(0, 6));
            int[] p2 = new int[ROWS];
            Arrays.setAll(p2, i -> started.lengths()[i < 6 ? i : 0] + 1);
            while (some.size() < ROWS) {
                some.add(some.get(0));
            }
            Output<DjlSequenceModel.Row> second = model.step(filled(token(2)), p2, some);
            for (int r = 0; r < 6; r++) {
                assertThat(second.logits()[r]).as("row %d, step 2", r).containsExactly(started.expected()[2][r]);
            }

            List<DjlSequenceModel.Row> waiting = new ArrayList<>(started.first().states().subList(6, ROWS));
            int[] pw = new int[ROWS];
            Arrays.setAll(pw, i -> started.lengths()[i == 1 ? 7 : 6] + 1);
            while (waiting.size() < ROWS) {
                waiting.add(waiting.get(0));
            }
            Output<DjlSequenceModel.Row> late = model.step(filled(token(2)), pw, waiting);
            assertThat(late.logits()[0]).as("row 6, step 2 after waiting").containsExactly(started.expected()[2][6]);
            assertThat(late.logits()[1]).as("row 7, step 2 after waiting").containsExactly(started.expected()[2][7]);
            second.states().forEach(model::release);
            releaseAndCheckFreed(model, late.states());
        }
    }

    /**
     * Without padding (as genstream serves): a sequence that leaves leaves a spare row that the next call still
     * computes, so its tensors are fed as they are, and a newcomer's state is written over that row instead of
     * the rows being regrouped. The calls keep 8 rows, so every logit is the reference's, bit for bit.
     */
    @ParameterizedTest
    @ValueSource(strings = {"catalog-gpt", "catalog-lstm"})
    void aNewcomerTakesOverTheSpareRowOfASequenceThatLeft(String name) throws Exception {
        try (DjlSequenceModel model = load(name)) {
            Started started = startTogether(model);
            int[] lengths = started.lengths();
            model.release(started.first().states().get(3));
            List<DjlSequenceModel.Row> seven = new ArrayList<>(started.first().states());
            seven.remove(3);
            List<Integer> rows = List.of(0, 1, 2, 4, 5, 6, 7);
            int[] p2 = rows.stream().mapToInt(r -> lengths[r] + 1).toArray();
            Output<DjlSequenceModel.Row> second = model.step(filled(token(2), 7), p2, seven);
            assertThat(second.computed()).as("rows computed with one spare").isEqualTo(ROWS);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(second.logits()[i]).as("row %d, step 2", rows.get(i)).containsExactly(started.expected()[2][rows.get(i)]);
            }

            Output<DjlSequenceModel.Row> newcomer = model.prefill(new int[][] {started.prompts()[3]}, new int[] {lengths[3]});
            List<DjlSequenceModel.Row> eight = new ArrayList<>(second.states());
            eight.add(newcomer.states().get(0));
            int[] t3 = filled(token(3), ROWS);
            t3[7] = token(1);
            int[] p3 = new int[ROWS];
            for (int i = 0; i < 7; i++) {
                p3[i] = lengths[rows.get(i)] + 2;
            }
            p3[7] = lengths[3];
            Output<DjlSequenceModel.Row> third = model.step(t3, p3, eight);
            assertThat(third.computed()).isEqualTo(ROWS);
            for (int i = 0; i < 7; i++) {
                assertThat(third.logits()[i]).as("row %d, step 3", rows.get(i)).containsExactly(started.expected()[3][rows.get(i)]);
            }
            assertThat(third.logits()[7]).as("newcomer, step 1").containsExactly(started.expected()[1][3]);
            assertThat(model.regroups()).as("steps that regrouped their state").isZero();
            releaseAndCheckFreed(model, third.states());
        }
    }

    /**
     * When more than a quarter of a call's rows would be spare, the rows still in use are gathered into tensors of
     * their own, and the call computes only them. A call of another row count may round differently in the last
     * bits (see the README), so these logits are compared to within 1e-4.
     */
    @ParameterizedTest
    @ValueSource(strings = {"catalog-gpt", "catalog-lstm"})
    void whenMoreThanAQuarterOfTheRowsWouldBeSpareTheRestAreRegrouped(String name) throws Exception {
        try (DjlSequenceModel model = load(name)) {
            Started started = startTogether(model);
            int[] lengths = started.lengths();
            List<Integer> rows = List.of(6, 1, 4, 7, 2);
            for (int r : List.of(0, 3, 5)) {
                model.release(started.first().states().get(r));
            }
            List<DjlSequenceModel.Row> five = rows.stream().map(r -> started.first().states().get(r)).toList();
            Output<DjlSequenceModel.Row> second = model.step(filled(token(2), 5), rows.stream()
                    .mapToInt(r -> lengths[r] + 1).toArray(), five);
            assertThat(model.regroups()).isEqualTo(1);
            assertThat(second.computed()).as("rows computed after regrouping").isEqualTo(5);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(second.logits()[i]).as("row %d, step 2", rows.get(i))
                        .containsExactly(started.expected()[2][rows.get(i)], within(1e-4f));
            }
            Output<DjlSequenceModel.Row> third = model.step(filled(token(3), 5), rows.stream()
                    .mapToInt(r -> lengths[r] + 2).toArray(), second.states());
            assertThat(model.regroups()).as("the regrouped rows are fed as they are").isEqualTo(1);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(third.logits()[i]).as("row %d, step 3", rows.get(i))
                        .containsExactly(started.expected()[3][rows.get(i)], within(1e-4f));
            }
            releaseAndCheckFreed(model, third.states());
        }
    }

    /**
     * catalog-gpt from version 5 takes its KV cache at any length, and the server keeps it as long as the call's
     * longest sequence needs, in steps of 32: version 4 (the same weights, a cache always 160 long) gives the
     * same logits, to within 1e-4 (attention sums over a different number of masked positions), as the cache is
     * cut after prefill and then grows.
     */
    @org.junit.jupiter.api.Test
    void catalogGptsCacheIsKeptAsLongAsTheLongestSequenceNeeds() throws Exception {
        ModelVersion five = registry.get("catalog-gpt", "5");
        ModelVersion four = registry.get("catalog-gpt", "4");
        try (DjlSequenceModel resizable = DjlSequenceModel.load(five.dir(), TextModelInfo.of(five), List.of(Device.cpu()), 1).get(0);
                DjlSequenceModel fixed = DjlSequenceModel.load(four.dir(), TextModelInfo.of(four), List.of(Device.cpu()), 1).get(0)) {
            int[][] prompts = prompts(resizable.info().vocabulary().size());
            int[] lengths = lengths(prompts);
            Output<DjlSequenceModel.Row> a = resizable.prefill(prompts, lengths);
            Output<DjlSequenceModel.Row> b = fixed.prefill(prompts, lengths);
            assertThat(resizable.heldLength(a.states().get(0))).as("after prefill").isEqualTo(160);
            assertThat(fixed.heldLength(b.states().get(0))).as("a fixed cache").isEqualTo(-1);
            // Positions: the prompts' lengths, then jumps past 32 and 64 (unwritten positions stay zero).
            int[][] steps = {lengths, filled(40), filled(70)};
            long[] held = {32, 64, 96};
            for (int k = 0; k < steps.length; k++) {
                a = resizable.step(filled(token(k + 1)), steps[k], a.states());
                b = fixed.step(filled(token(k + 1)), steps[k], b.states());
                assertThat(resizable.heldLength(a.states().get(0))).as("step %d", k + 1).isEqualTo(held[k]);
                for (int r = 0; r < ROWS; r++) {
                    assertThat(a.logits()[r]).as("row %d, step %d", r, k + 1).containsExactly(b.logits()[r], within(1e-4f));
                }
            }
            releaseAndCheckFreed(resizable, a.states());
            releaseAndCheckFreed(fixed, b.states());
        }
    }

    /** The eight prompts, the reference logits ({@link #alone}) and step 1 of all eight prefilled together. */
    private record Started(int[][] prompts, int[] lengths, float[][][] expected, Output<DjlSequenceModel.Row> first) {}

    /** All eight prefilled together, then step 1 with the rows as they are: each row gets its reference logits. */
    private static Started startTogether(DjlSequenceModel model) {
        int[][] prompts = prompts(model.info().vocabulary().size());
        int[] lengths = lengths(prompts);
        float[][][] expected = alone(model, prompts, lengths);
        Output<DjlSequenceModel.Row> together = model.prefill(prompts, lengths);
        int[] positions = new int[ROWS];
        Arrays.setAll(positions, r -> lengths[r]);
        Output<DjlSequenceModel.Row> first = model.step(filled(token(1)), positions, together.states());
        for (int r = 0; r < ROWS; r++) {
            assertThat(first.logits()[r]).as("row %d, step 1", r).containsExactly(expected[1][r]);
        }
        return new Started(prompts, lengths, expected, first);
    }

    /** Reference logits {@code [step 1…3][row]}: each prompt prefilled in its own call (8 copies), stepped alike. */
    private static float[][][] alone(DjlSequenceModel model, int[][] prompts, int[] lengths) {
        float[][][] expected = new float[4][ROWS][];
        for (int r = 0; r < ROWS; r++) {
            int[][] same = new int[ROWS][];
            int[] sameLengths = new int[ROWS];
            Arrays.fill(same, prompts[r]);
            Arrays.fill(sameLengths, lengths[r]);
            Output<DjlSequenceModel.Row> out = model.prefill(same, sameLengths);
            for (int k = 1; k <= 3; k++) {
                out = model.step(filled(token(k)), filled(lengths[r] + k - 1), out.states());
                expected[k][r] = out.logits()[0];
            }
            out.states().forEach(model::release);
        }
        assertThat(model.liveBatches()).isZero();
        return expected;
    }

    /** Ends the sequences holding {@code states}: then no call's tensors may be left. */
    private static void releaseAndCheckFreed(DjlSequenceModel model, List<DjlSequenceModel.Row> states) {
        states.forEach(model::release);
        assertThat(model.liveBatches()).as("state tensors still held").isZero();
    }

    private static int[] filled(int value) {
        return filled(value, ROWS);
    }

    private static int[] filled(int value, int count) {
        int[] out = new int[count];
        Arrays.fill(out, value);
        return out;
    }
}
