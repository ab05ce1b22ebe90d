package io.genstream.models.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.genstream.models.data.DigitsDataset;
import io.genstream.models.export.ClassifierInferenceModel;
import io.genstream.models.manifest.ModelManifest;
import io.genstream.models.train.ClassifierEvaluator.HeldOut;

/**
 * The digits-eval's part of {@link TrainCommand}: draw the data, train, export the lean SavedModel,
 * evaluate (held-out accuracy, the reference feature statistics, and the figures of an independent
 * real sample and of the committed generators), describe.
 */
final class DigitsEvalTraining {

    /** The generators whose samples the manifest reports, under the model store; left out when absent. */
    static final List<String> GENERATORS = List.of("digits-gan/1", "digits-vae/1");

    private DigitsEvalTraining() {}

    /** @return the manifest, without file digests */
    static ModelManifest run(String name, String version, ClassifierConfig config, Path dir, Path work, Path modelStore,
            PrintStream out) throws IOException {
        out.printf("training %s into %s: %s%n", name, dir, config);
        DigitsDataset training = DigitsDataset.generate(config.dataSeed(), config.dataSize());
        TrainedClassifier trained = new ClassifierTrainer(config, out::println).train(training, work.resolve("ckpt").toString());
        out.printf("trained in %.1f s%n", trained.wallSeconds());
        Map<String, Object> evaluation;
        try (ClassifierInferenceModel model =
                ClassifierInferenceModel.restore(config.architecture(), trained.checkpointPrefix(), config.threads())) {
            model.exportSavedModel(dir);
            evaluation = evaluate(new ClassifierEvaluator(model), config, modelStore, out);
        }
        return DigitsEvalManifest.create(name, version, trained, evaluation);
    }

    private static Map<String, Object> evaluate(ClassifierEvaluator evaluator, ClassifierConfig config, Path modelStore,
            PrintStream out) {
        DigitsDataset heldOut = DigitsDataset.generate(config.dataSeed() + 1, config.heldOutSize());
        HeldOut figures = evaluator.heldOut(heldOut);
        Map<String, Object> evaluation = new LinkedHashMap<>(figures.figures());
        Map<String, Object> reference = figures.reference().toJson();
        reference.put("dataSeed", heldOut.seed());
        evaluation.put("referenceFeatures", reference);

        Map<String, Object> samples = new LinkedHashMap<>();
        DigitsDataset real = DigitsDataset.generate(config.dataSeed() + 2, config.sampleSize());
        Map<String, Object> realFigures = new LinkedHashMap<>();
        realFigures.put("dataSeed", real.seed());
        realFigures.putAll(evaluator.sample(
                ClassifierEvaluator.imagesOf(real), ClassifierEvaluator.labelsOf(real), figures.reference()));
        samples.put("real", realFigures);
        for (String generator : GENERATORS) {
            Path generatorDir = modelStore.resolve(generator);
            if (!Files.isDirectory(generatorDir)) {
                out.printf("no %s: its sample figures are left out%n", generatorDir);
                continue;
            }
            ModelManifest manifest = ModelManifest.read(generatorDir);
            int n = config.sampleSize();
            float[][] images = SavedGenerators.use(generatorDir, config.threads(), g -> ClassifierEvaluator.generated(g, n));
            Map<String, Object> generated = new LinkedHashMap<>();
            generated.put("latentSeeds", "0.." + (n - 1));
            generated.put("labels", "i mod 10");
            generated.putAll(evaluator.sample(images, ClassifierEvaluator.generatedLabels(n), figures.reference()));
            samples.put(manifest.name() + "@" + manifest.version(), generated);
        }
        evaluation.put("samples", samples);
        return evaluation;
    }
}
