package io.genstream.models.train;

import static io.genstream.models.train.ManifestSections.round;

import java.util.List;
import java.util.Map;

import io.genstream.models.classifier.ClassifierArchitecture;
import io.genstream.models.export.ClassifierSignatures;
import io.genstream.models.manifest.ModelManifest;

/** The manifest of a trained digits-eval version (without file digests; see {@link ModelManifest#withFilesOf}). */
final class DigitsEvalManifest {

    static final String KIND = "classifier";

    private DigitsEvalManifest() {}

    static ModelManifest create(String name, String version, TrainedClassifier trained, Map<String, Object> evaluation) {
        ClassifierConfig config = trained.config();
        Map<String, Object> properties = ManifestSections.imageFormat();
        properties.put("featureDim", config.featureDim());
        properties.put("architecture", "strided-conv CNN (the digits-gan discriminator's trunk) to a " + config.featureDim()
                + "-dim leaky-ReLU feature layer, then dense to softmax; no batch norm, no dropout");
        properties.put("scores", "classConfidence = the largest probability, predicted class = its index,"
                + " labelMatch = predicted class == requested label");
        properties.put("referenceFeatures", "evaluation.referenceFeatures: count, mean and unbiased covariance of the"
                + " features of held-out real digits, for the Fréchet distance (FID-style)");

        Map<String, Object> training = ManifestSections.training(ClassifierTrainer.class, config, config.dataSeed(),
                config.dataSize(), trained.dataSha256(), config.steps(), trained.wallSeconds());
        ClassifierLossRecord last = trained.finalLosses();
        training.put("finalLoss", round(last.loss()));
        training.put("finalBatchAccuracy", round(last.accuracy()));
        training.put("losses", trained.losses().stream()
                .map(r -> List.of(r.step(), round(r.loss()), round(r.accuracy()), round(r.seconds())))
                .toList());
        training.put("lossesColumns", List.of("step", "loss", "batchAccuracy", "seconds"));
        ManifestSections.addEnvironment(training);

        return new ModelManifest(name, version, KIND, ModelManifest.FORMAT_SAVED_MODEL,
                ClassifierSignatures.describe(ClassifierArchitecture.IMAGE_SIZE, ClassifierConfig.NUM_CLASSES,
                        config.featureDim()),
                properties, Map.of(), training, ManifestSections.figures(evaluation));
    }
}
