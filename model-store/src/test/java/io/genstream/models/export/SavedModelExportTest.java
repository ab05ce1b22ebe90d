package io.genstream.models.export;

import static io.genstream.models.export.BatchPlacement.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.framework.NodeDef;
import org.tensorflow.proto.framework.SavedModel;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import io.genstream.models.data.DigitsDataset;
import io.genstream.models.gan.LatentNoise;
import io.genstream.models.manifest.SavedModelFiles;
import io.genstream.models.tf.TensorFlowNatives;
import io.genstream.models.train.GanConfig;
import io.genstream.models.train.GanTrainer;
import io.genstream.models.train.TrainedGan;

/**
 * The exported SavedModel is the serving contract: DJL's TensorFlow engine, fed by tensor name,
 * must compute exactly what the TF Java session computed before export.
 */
class SavedModelExportTest {

    private static final int COUNT = 6;

    @TempDir
    static Path work;

    private static GanConfig config;
    private static Path modelDir;
    private static float[] noise;
    private static int[] labels;
    private static GeneratedBatch expected;
    private static float[] expectedJudgement;
    private static float[] realImages;
    private static TrainedGan trained;

    @BeforeAll
    static void trainAndExport() throws Exception {
        TensorFlowNatives.ensureLocated();
        config = GanConfig.tiny();
        DigitsDataset data = DigitsDataset.generate(config.dataSeed(), config.dataSize());
        trained = new GanTrainer(config, line -> {}).train(data, work.resolve("ckpt").toString());
        noise = new float[COUNT * config.latentDim()];
        labels = new int[COUNT];
        realImages = new float[COUNT * DigitsDataset.PIXELS];
        for (int i = 0; i < COUNT; i++) {
            System.arraycopy(LatentNoise.forSeed(i, config.latentDim()), 0, noise, i * config.latentDim(), config.latentDim());
            labels[i] = (i * 3) % 10;
            data.copyImage(i, realImages, i * DigitsDataset.PIXELS);
        }
        modelDir = work.resolve("digits-gan/1");
        try (GanInferenceModel model = GanInferenceModel.restore(config.architecture(), trained.checkpointPrefix(), 1)) {
            expected = model.generate(noise, labels);
            expectedJudgement = model.discriminate(realImages, labels);
            model.exportSavedModel(modelDir);
        }
    }

    @Test
    void djlServesTheSameImagesAndRealismAsTheTrainingSession() throws Exception {
        try (ZooModel<NDList, NDList> model = load(GanSignatures.SERVING_DEFAULT);
                Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager manager = NDManager.newBaseManager()) {
            // Inputs are given in the opposite order to the signature's: they must be matched by name.
            NDArray label = manager.create(labels);
            label.setName(GanSignatures.LABEL);
            NDArray z = manager.create(noise, new Shape(COUNT, config.latentDim()));
            z.setName(GanSignatures.Z);
            NDList out = predictor.predict(new NDList(label, z));

            NDArray image = out.get(GanSignatures.IMAGE);
            NDArray realism = out.get(GanSignatures.REALISM);
            assertThat(image.getShape()).isEqualTo(new Shape(COUNT, 28, 28));
            assertThat(realism.getShape()).isEqualTo(new Shape(COUNT));
            assertClose(image.toFloatArray(), expected.images());
            assertClose(realism.toFloatArray(), expected.realism());
            for (float v : image.toFloatArray()) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
    }

    /**
     * What serving needs for "same seed, same bytes": on the CPU kernels (TF 2.10.1, oneDNN,
     * x86-64) an item comes out bit-identical in any batch whose size is a multiple of 8,
     * whatever its position and companions; other sizes process a remainder differently in the
     * last bits. So a server that pads its batches to a multiple of 8 serves identical bytes.
     */
    @Test
    void anItemIsBitIdenticalInAnyBatchPaddedToAMultipleOfEight() throws Exception {
        try (ZooModel<NDList, NDList> model = load(GanSignatures.SERVING_DEFAULT);
                Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager manager = NDManager.newBaseManager()) {
            float[] reference = imageInBatch(predictor, manager, 8, 0);
            assertThat(imageInBatch(predictor, manager, 8, 7)).containsExactly(reference);
            assertThat(imageInBatch(predictor, manager, 16, 13)).containsExactly(reference);
            assertThat(imageInBatch(predictor, manager, 64, 40)).containsExactly(reference);
        }
    }

    /** Item 0's image when it sits at {@code position} of a batch of {@code size} filled with other noise. */
    private static float[] imageInBatch(Predictor<NDList, NDList> predictor, NDManager manager, int size, int position)
            throws Exception {
        float[] z = new float[config.latentDim()];
        System.arraycopy(noise, 0, z, 0, z.length);
        return BatchPlacement.imageInBatch((latents, y) -> images(predictor, manager, latents, y), z, labels[0], size, position);
    }

    /** No batch norm: an item's image and score do not depend on what else is in its batch. */
    @Test
    void anItemDoesNotDependOnTheRestOfItsBatch() throws Exception {
        try (ZooModel<NDList, NDList> model = load(GanSignatures.SERVING_DEFAULT);
                Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager manager = NDManager.newBaseManager()) {
            int item = 2;
            int latent = config.latentDim();
            float[] z = new float[latent];
            System.arraycopy(noise, item * latent, z, 0, latent);
            NDArray zArray = manager.create(z, new Shape(1, latent));
            zArray.setName(GanSignatures.Z);
            NDArray label = manager.create(new int[] {labels[item]});
            label.setName(GanSignatures.LABEL);
            NDList out = predictor.predict(new NDList(zArray, label));
            float[] alone = out.get(GanSignatures.IMAGE).toFloatArray();
            float[] inBatch = new float[alone.length];
            System.arraycopy(expected.images(), item * alone.length, inBatch, 0, alone.length);
            assertClose(alone, inBatch);
            assertClose(out.get(GanSignatures.REALISM).toFloatArray(), new float[] {expected.realism()[item]});
        }
    }

    @Test
    void djlServesTheDiscriminateSignature() throws Exception {
        try (ZooModel<NDList, NDList> model = load(GanSignatures.DISCRIMINATE);
                Predictor<NDList, NDList> predictor = model.newPredictor();
                NDManager manager = NDManager.newBaseManager()) {
            NDArray image = manager.create(realImages, new Shape(COUNT, 28, 28));
            image.setName(GanSignatures.IMAGE);
            NDArray label = manager.create(labels);
            label.setName(GanSignatures.LABEL);
            NDList out = predictor.predict(new NDList(image, label));
            assertClose(out.get(GanSignatures.REALISM).toFloatArray(), expectedJudgement);
        }
    }

    @Test
    void exportingTheSameWeightsTwiceGivesTheSameBytes() throws Exception {
        Path again = work.resolve("again");
        try (GanInferenceModel model = GanInferenceModel.restore(config.architecture(), trained.checkpointPrefix(), 1)) {
            model.exportSavedModel(again);
        }
        assertThat(SavedModelFiles.digests(again)).isEqualTo(SavedModelFiles.digests(modelDir));
    }

    @Test
    void theExportedGraphHoldsNoTrainingOps() throws Exception {
        SavedModel savedModel = SavedModel.parseFrom(Files.readAllBytes(modelDir.resolve("saved_model.pb")));
        Set<String> ops = savedModel.getMetaGraphs(0).getGraphDef().getNodeList().stream()
                .map(NodeDef::getOp).collect(Collectors.toSet());
        assertThat(ops).doesNotContain("ApplyAdam", "Softplus").noneMatch(op -> op.contains("Grad"));
        Set<String> variables = savedModel.getMetaGraphs(0).getGraphDef().getNodeList().stream()
                .filter(n -> n.getOp().equals("VariableV2")).map(NodeDef::getName).collect(Collectors.toSet());
        assertThat(variables).isNotEmpty().allMatch(n -> n.startsWith("generator/") || n.startsWith("discriminator/"));
        assertThat(savedModel.getMetaGraphs(0).getSignatureDefMap())
                .containsOnlyKeys(GanSignatures.SERVING_DEFAULT, GanSignatures.DISCRIMINATE);
    }

    private static float[] images(Predictor<NDList, NDList> predictor, NDManager manager, float[] z, int[] y)
            throws Exception {
        NDArray zArray = manager.create(z, new Shape(y.length, config.latentDim()));
        zArray.setName(GanSignatures.Z);
        NDArray label = manager.create(y);
        label.setName(GanSignatures.LABEL);
        return predictor.predict(new NDList(zArray, label)).get(GanSignatures.IMAGE).toFloatArray();
    }

    private static ZooModel<NDList, NDList> load(String signature) throws Exception {
        return DjlModels.load(modelDir, signature);
    }
}
