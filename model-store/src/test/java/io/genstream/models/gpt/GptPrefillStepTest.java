package io.genstream.models.gpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.framework.NodeDef;
import org.tensorflow.proto.framework.SavedModel;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import io.genstream.models.manifest.SavedModelFiles;
import io.genstream.models.tf.TensorFlowNatives;
import io.genstream.models.manifest.ModelManifest;
import io.genstream.models.text.CharVocabulary;
import io.genstream.models.text.SavedModelTextModel;
import io.genstream.models.text.TextBatchSampler;
import io.genstream.models.text.TextModel;
import io.genstream.models.text.TextSignatures;

/**
 * The exported {@code prefill} and {@code step} signatures of a briefly trained tiny model: a KV
 * cache built by prefill and extended by steps must give what prefilling the longer sequence
 * gives (a full causal pass), positions not yet written must be zero, and rows must not affect
 * each other. Synthetic ids stand in for text: this is about the network, not the corpus.
 */
class GptPrefillStepTest {

    /** Float32 sums in a different order (prefill attends over L keys, step over maxLength, masked). */
    private static final float TOLERANCE = 2e-5f;
    private static final int VOCABULARY = 12;
    private static final int CONTEXT_END = 1;

    @TempDir
    static Path work;

    private static GptConfig config;
    private static GptArchitecture arch;
    private static TrainedGpt trained;
    private static Path modelDir;
    private static SavedModelTextModel model;

    @BeforeAll
    static void trainAndExport() throws Exception {
        TensorFlowNatives.ensureLocated();
        config = GptConfig.tiny().withSteps(5);
        arch = config.architecture(VOCABULARY);
        TextBatchSampler batches = new TextBatchSampler(sequences(40, 1), config.batchSize(), arch.maxLength(),
                TextBatchSampler.Mode.WHOLE_SEQUENCES, config.seed());
        trained = new GptTrainer(config, arch, line -> {}).train(batches, CONTEXT_END, work.resolve("ckpt").toString());
        modelDir = work.resolve("catalog-gpt/1");
        try (GptInferenceModel inference = GptInferenceModel.restore(arch, trained.checkpointPrefix(), 1)) {
            inference.exportSavedModel(modelDir);
        }
        // The loader reads the sizes from a manifest beside the SavedModel.
        new ModelManifest("catalog-gpt", "1", "gpt", ModelManifest.FORMAT_SAVED_MODEL,
                TextSignatures.describe(VOCABULARY, 2 * arch.layers(),
                        List.of((long) arch.kvHeads(), (long) arch.maxLength(), (long) arch.headDim())),
                Map.of("vocabulary", CharVocabulary.catalog().chars().substring(0, VOCABULARY),
                        "stateSize", arch.stateSize(), "maxLength", arch.maxLength()),
                Map.of(), Map.of(), Map.of()).write(modelDir);
        model = SavedModelTextModel.load(modelDir, 1);
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    /** Random id sequences: a "context" of 2–9 ids closed by {@link #CONTEXT_END}, a body of 5–40 ids, the end id 0. */
    static List<int[]> sequences(int count, long seed) {
        Random rng = new Random(seed);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int context = 2 + rng.nextInt(8);
            int[] tokens = new int[context + 1 + 5 + rng.nextInt(36) + 1];
            for (int t = 0; t < tokens.length - 1; t++) {
                tokens[t] = t == context ? CONTEXT_END : 2 + rng.nextInt(VOCABULARY - 2);
            }
            out.add(tokens);
        }
        return out;
    }

    @Test
    void trainingRanAndTheLossIsFinite() {
        assertThat(trained.losses()).hasSize(5);
        assertThat(trained.finalLoss().loss()).isFinite().isPositive();
    }

    @Test
    void prefillThenStepsGiveTheLogitsAndStateOfPrefillingTheLongerSequence() {
        int[] sequence = sequences(1, 3).get(0);
        int start = 6;
        TextModel.Output next = model.prefill(new int[][] {Arrays.copyOf(sequence, start)});
        for (int position = start; position < sequence.length - 1; position++) {
            next = model.step(new int[] {sequence[position]}, new int[] {position}, next.state());
            TextModel.Output full = model.prefill(new int[][] {Arrays.copyOf(sequence, position + 1)});
            assertClose(next.logits()[0], full.logits()[0], "logits after position " + position);
            assertClose(next.state()[0], full.state()[0], "state after " + position);
        }
    }

    @Test
    void theCacheHoldsZerosBeyondTheWrittenPositions() {
        int length = 9;
        int[] row = Arrays.copyOf(sequences(1, 4).get(0), length);
        TextModel.Output prefilled = model.prefill(new int[][] {row, Arrays.copyOf(row, 3)});
        assertWrittenPositions(prefilled.state()[0], length);
        assertWrittenPositions(prefilled.state()[1], 3);
        TextModel.Output stepped = model.step(new int[] {5, 5}, new int[] {length, 3}, prefilled.state());
        assertWrittenPositions(stepped.state()[0], length + 1);
        assertWrittenPositions(stepped.state()[1], 4);
    }

    /**
     * A finished row that a batch still feeds past the cache's end does not fail the call: it is taken as
     * the last position, and the cache's other positions are left as they were.
     */
    @Test
    void aPositionPastTheCacheFailsNothingAndKeepsTheEarlierPositions() {
        TextModel.Output prefilled = model.prefill(new int[][] {Arrays.copyOf(sequences(1, 7).get(0), 5)});
        TextModel.Output stepped = model.step(new int[] {4}, new int[] {arch.maxLength() + 3}, prefilled.state());
        assertThat(stepped.logits()[0]).hasSize(VOCABULARY).doesNotContain(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY);
        assertWrittenPositions(stepped.state()[0], 5, arch.maxLength() - 1);
    }

    /** Every K and V tensor of one row, every head: positions {@code < written} hold no zero, the rest only zeros. */
    private static void assertWrittenPositions(float[] state, int written) {
        assertWrittenPositions(state, written, -1);
    }

    /** As above, and {@code alsoWritten} (if not −1) holds no zero either. */
    private static void assertWrittenPositions(float[] state, int written, int alsoWritten) {
        int dh = arch.headDim();
        int t = arch.maxLength();
        for (int slab = 0; slab < 2 * arch.layers(); slab++) {
            for (int head = 0; head < arch.kvHeads(); head++) {
                for (int position = 0; position < t; position++) {
                    int from = ((slab * arch.kvHeads() + head) * t + position) * dh;
                    float[] values = Arrays.copyOfRange(state, from, from + dh);
                    long zeros = IntStream.range(0, dh).filter(i -> values[i] == 0f).count(); // -0.0 counts: masking multiplies by 0
                    boolean expectWritten = position < written || position == alsoWritten;
                    assertThat(zeros).as("zeros in slab %d head %d position %d", slab, head, position)
                            .isEqualTo(expectWritten ? 0 : dh);
                }
            }
        }
    }

    @Test
    void aRowGivesTheSameLogitsWhateverElseIsInTheBatch() {
        List<int[]> rows = sequences(3, 5);
        int[][] prompts = new int[3][];
        for (int r = 0; r < 3; r++) {
            prompts[r] = Arrays.copyOf(rows.get(r), 4 + 3 * r);
        }
        TextModel.Output together = model.prefill(prompts);
        TextModel.Output steppedTogether = model.step(new int[] {1, 2, 3}, new int[] {4, 7, 10}, together.state());
        for (int r = 0; r < 3; r++) {
            TextModel.Output alone = model.prefill(new int[][] {prompts[r]});
            TextModel.Output steppedAlone = model.step(new int[] {r + 1}, new int[] {prompts[r].length}, alone.state());
            assertClose(together.logits()[r], alone.logits()[0], "prefill row " + r);
            assertClose(steppedTogether.logits()[r], steppedAlone.logits()[0], "step row " + r);
        }
    }

    /** The serving side runs the model through DJL's TensorFlow engine, feeding tensors by signature name. */
    @Test
    void djlServesTheSamePrefillAndStepAsTensorFlowJava() throws Exception {
        int[] prompt = Arrays.copyOf(sequences(1, 6).get(0), 7);
        TextModel.Output expectedPrefill = model.prefill(new int[][] {prompt});
        TextModel.Output expectedStep = model.step(new int[] {3}, new int[] {7}, expectedPrefill.state());
        try (Djl djl = Djl.open()) {
            NDList prefilled = djl.prefill(prompt);
            assertClose(prefilled.get(TextSignatures.LOGITS).toFloatArray(), expectedPrefill.logits()[0], "DJL prefill logits");

            NDList stepInputs = djl.stepInputs(3, 7);
            for (int i = 0; i < 2 * arch.layers(); i++) {
                stepInputs.add(prefilled.get(TextSignatures.state(i))); // fed back as DJL returned it, named alike
            }
            NDList stepped = djl.stepper().predict(stepInputs);
            assertClose(stepped.get(TextSignatures.LOGITS).toFloatArray(), expectedStep.logits()[0], "DJL step logits");
            float[] state = new float[0];
            for (int i = 0; i < 2 * arch.layers(); i++) {
                float[] part = stepped.get(TextSignatures.state(i)).toFloatArray();
                int from = state.length;
                state = Arrays.copyOf(state, from + part.length);
                System.arraycopy(part, 0, state, from, part.length);
            }
            assertClose(state, expectedStep.state()[0], "DJL step state");
            // The step wrote into the very tensors it was fed (no copy of the cache): they now hold its output.
            for (int i = 0; i < 2 * arch.layers(); i++) {
                assertThat(prefilled.get(TextSignatures.state(i)).toFloatArray()).as("fed state %d after the step", i)
                        .containsExactly(stepped.get(TextSignatures.state(i)).toFloatArray());
            }
        }
    }

    /**
     * The step reads the cache's length from the tensors it is fed: a cache cut to 16 positions (holding the 7
     * written and the one the step writes) gives the logits of the full one, and the cut cache comes back with
     * the new position written, as the full one's first 16 positions.
     */
    @Test
    void aStepTakesTheCacheCutToAnyLengthThatHoldsItsPosition() throws Exception {
        int[] prompt = Arrays.copyOf(sequences(1, 6).get(0), 7);
        TextModel.Output full = model.step(new int[] {3}, new int[] {7}, model.prefill(new int[][] {prompt}).state());
        int cut = 16;
        try (Djl djl = Djl.open()) {
            NDList prefilled = djl.prefill(prompt);
            NDList stepInputs = djl.stepInputs(3, 7);
            for (int i = 0; i < 2 * arch.layers(); i++) {
                NDArray short_ = prefilled.get(TextSignatures.state(i)).get(":, :, 0:" + cut + ", :");
                short_.setName(TextSignatures.state(i));
                stepInputs.add(short_);
            }
            NDList stepped = djl.stepper().predict(stepInputs);
            assertClose(stepped.get(TextSignatures.LOGITS).toFloatArray(), full.logits()[0], "step logits, cache of " + cut);
            int t = arch.maxLength();
            int dh = arch.headDim();
            float[] fullState = full.state()[0];
            int perTensor = arch.kvHeads() * t * dh;
            for (int i = 0; i < 2 * arch.layers(); i++) {
                NDArray out = stepped.get(TextSignatures.state(i));
                assertThat(out.getShape().get(2)).as("state %d length", i).isEqualTo(cut);
                float[] values = out.toFloatArray();
                for (int h = 0; h < arch.kvHeads(); h++) {
                    float[] expected = Arrays.copyOfRange(fullState, i * perTensor + h * t * dh, i * perTensor + h * t * dh + cut * dh);
                    assertClose(Arrays.copyOfRange(values, h * cut * dh, (h + 1) * cut * dh), expected,
                            "state " + i + ", key/value head " + h + ", cache of " + cut);
                }
            }
        }
    }

    /** DJL's prefill and step over the export, and a manager for their inputs. */
    private record Djl(ZooModel<NDList, NDList> prefillModel, ZooModel<NDList, NDList> stepModel,
            Predictor<NDList, NDList> prefiller, Predictor<NDList, NDList> stepper, NDManager manager) implements AutoCloseable {

        static Djl open() throws Exception {
            ZooModel<NDList, NDList> prefill = djl(TextSignatures.PREFILL);
            ZooModel<NDList, NDList> step = djl(TextSignatures.STEP);
            return new Djl(prefill, step, prefill.newPredictor(), step.newPredictor(), NDManager.newBaseManager());
        }

        /** Prefills one prompt. */
        NDList prefill(int[] prompt) throws Exception {
            NDArray length = manager.create(new int[] {prompt.length});
            length.setName(TextSignatures.LENGTH);
            NDArray tokens = manager.create(prompt, new ai.djl.ndarray.types.Shape(1, prompt.length));
            tokens.setName(TextSignatures.TOKENS);
            return prefiller.predict(new NDList(length, tokens));
        }

        /** A one-row step's token and position, named; the state tensors follow. */
        NDList stepInputs(int tokenId, int positionIndex) {
            NDArray token = manager.create(new int[] {tokenId});
            token.setName(TextSignatures.TOKEN);
            NDArray position = manager.create(new int[] {positionIndex});
            position.setName(TextSignatures.POSITION);
            return new NDList(token, position);
        }

        @Override
        public void close() {
            manager.close();
            stepper.close();
            prefiller.close();
            stepModel.close();
            prefillModel.close();
        }
    }

    private static ZooModel<NDList, NDList> djl(String signature) throws Exception {
        return Criteria.builder().setTypes(NDList.class, NDList.class).optModelPath(modelDir).optEngine("TensorFlow")
                .optOption("SignatureDefKey", signature).optTranslator(new NoopTranslator()).build().loadModel();
    }

    @Test
    void exportingTheSameWeightsTwiceGivesTheSameBytes() throws Exception {
        Path again = work.resolve("again");
        try (GptInferenceModel inference = GptInferenceModel.restore(arch, trained.checkpointPrefix(), 1)) {
            inference.exportSavedModel(again);
        }
        assertThat(SavedModelFiles.digests(again)).isEqualTo(SavedModelFiles.digests(modelDir));
    }

    @Test
    void theExportedGraphHoldsOnlyTheNetworkAndTheTwoSignatures() throws Exception {
        SavedModel savedModel = SavedModel.parseFrom(Files.readAllBytes(modelDir.resolve("saved_model.pb")));
        List<NodeDef> nodes = savedModel.getMetaGraphs(0).getGraphDef().getNodeList();
        Set<String> ops = nodes.stream().map(NodeDef::getOp).collect(Collectors.toSet());
        assertThat(ops).doesNotContain("ApplyAdam", "LogSoftmax").noneMatch(op -> op.contains("Grad"));
        Set<String> variables = nodes.stream().filter(n -> n.getOp().equals("VariableV2")).map(NodeDef::getName)
                .collect(Collectors.toSet());
        assertThat(variables).hasSize(arch.parameters().size()).allMatch(n -> n.startsWith("gpt/"));
        assertThat(savedModel.getMetaGraphs(0).getSignatureDefMap())
                .containsOnlyKeys(TextSignatures.PREFILL, TextSignatures.STEP);
    }

    private static void assertClose(float[] actual, float[] expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s, element %d", what, i).isCloseTo(expected[i], within(TOLERANCE));
        }
    }
}
