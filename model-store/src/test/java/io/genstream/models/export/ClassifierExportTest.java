package io.genstream.models.export;

import static io.genstream.models.export.BatchPlacement.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.framework.NodeDef;
import org.tensorflow.proto.framework.SavedModel;

import io.genstream.models.data.DigitsDataset;
import io.genstream.models.manifest.SavedModelFiles;
import io.genstream.models.tf.TensorFlowNatives;
import io.genstream.models.train.ClassifierConfig;
import io.genstream.models.train.ClassifierTrainer;
import io.genstream.models.train.TrainedClassifier;

/**
 * The exported digits-eval is its serving contract: DJL, feeding the image by name, must compute
 * the probabilities and features the training process computed before export, each row from that
 * row alone.
 */
class ClassifierExportTest {

    private static final int COUNT = 6;
    private static final int PIXELS = DigitsDataset.PIXELS;

    @TempDir
    static Path work;

    private static ClassifierConfig config;
    private static TrainedClassifier trained;
    private static DigitsDataset data;
    private static Path modelDir;
    private static float[] images;
    private static Classification expected;
    private static DjlClassifierModel served;

    @BeforeAll
    static void trainAndExport() throws Exception {
        TensorFlowNatives.ensureLocated();
        config = ClassifierConfig.tiny();
        data = DigitsDataset.generate(config.dataSeed(), config.dataSize());
        trained = new ClassifierTrainer(config, line -> {}).train(data, work.resolve("ckpt").toString());
        images = new float[COUNT * PIXELS];
        for (int i = 0; i < COUNT; i++) {
            data.copyImage(i, images, i * PIXELS);
        }
        modelDir = work.resolve("digits-eval/1");
        try (ClassifierInferenceModel model = ClassifierInferenceModel.restore(config.architecture(), trained.checkpointPrefix(), 1)) {
            expected = model.classify(images);
            model.exportSavedModel(modelDir);
        }
        served = DjlClassifierModel.load(modelDir, 10, config.featureDim());
    }

    @AfterAll
    static void close() {
        served.close();
    }

    @Test
    void djlServesTheSameProbabilitiesAndFeaturesAsTheTrainingProcess() {
        Classification c = served.classify(images);
        assertThat(c.probabilities()).hasSize(COUNT * 10);
        assertThat(c.features()).hasSize(COUNT * config.featureDim());
        assertClose(c.probabilities(), expected.probabilities());
        assertClose(c.features(), expected.features());
    }

    @Test
    void eachRowOfProbabilitiesIsASoftmax() {
        Classification c = served.classify(images);
        for (int row = 0; row < COUNT; row++) {
            double sum = 0;
            for (int k = 0; k < 10; k++) {
                float p = c.probabilities()[row * 10 + k];
                assertThat(p).isBetween(0f, 1f);
                sum += p;
            }
            assertThat(sum).as("row %d", row).isCloseTo(1.0, within(1e-5));
            assertThat(c.confidence(row)).isEqualTo(c.probabilities()[row * 10 + c.predictedClass(row)]);
        }
    }

    /** No batch statistics: a row is classified the same alone as among others. */
    @Test
    void aRowDoesNotDependOnTheRestOfItsBatch() {
        int item = 3;
        float[] alone = new float[PIXELS];
        System.arraycopy(images, item * PIXELS, alone, 0, PIXELS);
        Classification single = served.classify(alone);
        assertClose(single.features(), expected.features(item));
        assertClose(single.probabilities(), java.util.Arrays.copyOfRange(expected.probabilities(), item * 10, item * 10 + 10));
    }

    /** As for the generators: bit-identical in any batch padded to a multiple of 8, whatever the position and companions. */
    @Test
    void aRowIsBitIdenticalInAnyBatchPaddedToAMultipleOfEight() {
        float[] reference = featuresInBatch(8, 0);
        assertThat(featuresInBatch(8, 7)).containsExactly(reference);
        assertThat(featuresInBatch(16, 13)).containsExactly(reference);
        assertThat(featuresInBatch(64, 40)).containsExactly(reference);
    }

    /** Image 0's features and probabilities at {@code position} of a batch of {@code size} filled with other digits. */
    private static float[] featuresInBatch(int size, int position) {
        float[] batch = new float[size * PIXELS];
        for (int i = 0; i < size; i++) {
            data.copyImage(COUNT + i, batch, i * PIXELS);
        }
        System.arraycopy(images, 0, batch, position * PIXELS, PIXELS);
        Classification c = served.classify(batch);
        float[] row = new float[config.featureDim() + 10];
        System.arraycopy(c.features(position), 0, row, 0, config.featureDim());
        System.arraycopy(c.probabilities(), position * 10, row, config.featureDim(), 10);
        return row;
    }

    @Test
    void exportingTheSameWeightsTwiceGivesTheSameBytes() throws Exception {
        Path again = work.resolve("again");
        try (ClassifierInferenceModel model = ClassifierInferenceModel.restore(config.architecture(), trained.checkpointPrefix(), 1)) {
            model.exportSavedModel(again);
        }
        assertThat(SavedModelFiles.digests(again)).isEqualTo(SavedModelFiles.digests(modelDir));
    }

    @Test
    void theExportedGraphHoldsOneSignatureAndNoTrainingOps() throws Exception {
        SavedModel savedModel = SavedModel.parseFrom(Files.readAllBytes(modelDir.resolve("saved_model.pb")));
        var graph = savedModel.getMetaGraphs(0).getGraphDef();
        Set<String> ops = graph.getNodeList().stream().map(NodeDef::getOp).collect(Collectors.toSet());
        assertThat(ops).doesNotContain("ApplyAdam", "LogSoftmax").noneMatch(op -> op.contains("Grad"));
        Set<String> variables = graph.getNodeList().stream()
                .filter(n -> n.getOp().equals("VariableV2")).map(NodeDef::getName).collect(Collectors.toSet());
        assertThat(variables).isNotEmpty().allMatch(n -> n.startsWith("classifier/"));
        var signatures = savedModel.getMetaGraphs(0).getSignatureDefMap();
        assertThat(signatures).containsOnlyKeys(ClassifierSignatures.SERVING_DEFAULT);
        assertThat(signatures.get(ClassifierSignatures.SERVING_DEFAULT).getInputsMap())
                .containsOnlyKeys(ClassifierSignatures.IMAGE);
        assertThat(signatures.get(ClassifierSignatures.SERVING_DEFAULT).getOutputsMap())
                .containsOnlyKeys(ClassifierSignatures.PROBABILITIES, ClassifierSignatures.FEATURES);
    }
}
