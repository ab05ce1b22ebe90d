package io.genstream.models.export;

import static io.genstream.models.export.BatchPlacement.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.genstream.models.gan.LatentNoise;
import io.genstream.models.manifest.SavedModelFiles;
import io.genstream.models.tf.TensorFlowNatives;
import io.genstream.models.train.TrainedVae;
import io.genstream.models.train.VaeConfig;
import io.genstream.models.train.VaeTrainer;

/**
 * The exported digits-vae is its serving contract: DJL, feeding tensors by name, must compute what
 * the training process computed before export, and each row from that row alone.
 */
class VaeExportTest {

    private static final int COUNT = 6;

    @TempDir
    static Path work;

    private static VaeConfig config;
    private static TrainedVae trained;
    private static Path modelDir;
    private static float[] latents;
    private static int[] labels;
    private static float[] realImages;
    private static float[] expectedImages;
    private static Encoding expectedEncoding;
    private static DjlVaeModel served;

    @BeforeAll
    static void trainAndExport() throws Exception {
        TensorFlowNatives.ensureLocated();
        config = VaeConfig.tiny();
        DigitsDataset data = DigitsDataset.generate(config.dataSeed(), config.dataSize());
        trained = new VaeTrainer(config, line -> {}).train(data, work.resolve("ckpt").toString());
        int dim = config.latentDim();
        latents = new float[COUNT * dim];
        labels = new int[COUNT];
        realImages = new float[COUNT * DigitsDataset.PIXELS];
        for (int i = 0; i < COUNT; i++) {
            System.arraycopy(LatentNoise.forSeed(i, dim), 0, latents, i * dim, dim);
            labels[i] = (i * 3) % 10;
            data.copyImage(i, realImages, i * DigitsDataset.PIXELS);
        }
        modelDir = work.resolve("digits-vae/1");
        try (VaeInferenceModel model = VaeInferenceModel.restore(config.architecture(), trained.checkpointPrefix(), 1)) {
            expectedImages = model.images(latents, labels);
            expectedEncoding = model.encode(realImages, labels);
            model.exportSavedModel(modelDir);
        }
        served = DjlVaeModel.load(modelDir, dim, 10);
    }

    @AfterAll
    static void close() {
        served.close();
    }

    @Test
    void djlDecodesTheSameImagesAsTheTrainingProcess() {
        float[] images = served.images(latents, labels);
        assertClose(images, expectedImages);
        assertThat(images).hasSize(COUNT * 28 * 28);
        for (float v : images) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void djlEncodesTheSamePosteriorsAsTheTrainingProcess() {
        Encoding encoding = served.encode(realImages, labels);
        assertThat(encoding.mean()).hasSize(COUNT * config.latentDim());
        assertClose(encoding.mean(), expectedEncoding.mean());
        assertClose(encoding.logVariance(), expectedEncoding.logVariance());
    }

    /** No batch statistics: a row decodes the same alone as among others. */
    @Test
    void aDecodedRowDoesNotDependOnTheRestOfItsBatch() {
        int item = 2;
        int dim = config.latentDim();
        float[] z = new float[dim];
        System.arraycopy(latents, item * dim, z, 0, dim);
        float[] alone = served.images(z, new int[] {labels[item]});
        float[] inBatch = new float[alone.length];
        System.arraycopy(expectedImages, item * alone.length, inBatch, 0, alone.length);
        assertClose(alone, inBatch);
    }

    /** As for the GAN: bit-identical in any batch padded to a multiple of 8, whatever the position and companions. */
    @Test
    void aDecodedRowIsBitIdenticalInAnyBatchPaddedToAMultipleOfEight() throws Exception {
        float[] reference = imageInBatch(8, 0);
        assertThat(imageInBatch(8, 7)).containsExactly(reference);
        assertThat(imageInBatch(16, 13)).containsExactly(reference);
        assertThat(imageInBatch(64, 40)).containsExactly(reference);
    }

    private static float[] imageInBatch(int size, int position) throws Exception {
        float[] z = new float[config.latentDim()];
        System.arraycopy(latents, 0, z, 0, z.length);
        return BatchPlacement.imageInBatch(served::images, z, labels[0], size, position);
    }

    @Test
    void exportingTheSameWeightsTwiceGivesTheSameBytes() throws Exception {
        Path again = work.resolve("again");
        try (VaeInferenceModel model = VaeInferenceModel.restore(config.architecture(), trained.checkpointPrefix(), 1)) {
            model.exportSavedModel(again);
        }
        assertThat(SavedModelFiles.digests(again)).isEqualTo(SavedModelFiles.digests(modelDir));
    }

    @Test
    void theExportedGraphHoldsTheTwoSignaturesAndNoTrainingOps() throws Exception {
        SavedModel savedModel = SavedModel.parseFrom(Files.readAllBytes(modelDir.resolve("saved_model.pb")));
        var graph = savedModel.getMetaGraphs(0).getGraphDef();
        Set<String> ops = graph.getNodeList().stream().map(NodeDef::getOp).collect(Collectors.toSet());
        assertThat(ops).doesNotContain("ApplyAdam", "Softplus", "Exp").noneMatch(op -> op.contains("Grad"));
        Set<String> variables = graph.getNodeList().stream()
                .filter(n -> n.getOp().equals("VariableV2")).map(NodeDef::getName).collect(Collectors.toSet());
        assertThat(variables).isNotEmpty().allMatch(n -> n.startsWith("encoder/") || n.startsWith("decoder/"));
        var signatures = savedModel.getMetaGraphs(0).getSignatureDefMap();
        assertThat(signatures).containsOnlyKeys(VaeSignatures.SERVING_DEFAULT, VaeSignatures.ENCODE);
        assertThat(signatures.get(VaeSignatures.SERVING_DEFAULT).getInputsMap())
                .containsOnlyKeys(VaeSignatures.Z, VaeSignatures.LABEL);
        assertThat(signatures.get(VaeSignatures.SERVING_DEFAULT).getOutputsMap()).containsOnlyKeys(VaeSignatures.IMAGE);
        assertThat(signatures.get(VaeSignatures.ENCODE).getOutputsMap())
                .containsOnlyKeys(VaeSignatures.MEAN, VaeSignatures.LOG_VARIANCE);
    }
}
