package io.genstream.models.train;

import static io.genstream.models.train.ManifestSections.round;

import java.util.List;
import java.util.Map;

import io.genstream.models.export.GanSignatures;
import io.genstream.models.gan.GanArchitecture;
import io.genstream.models.manifest.ModelManifest;

/** The manifest of a trained digits-gan version (without file digests; see {@link ModelManifest#withFilesOf}). */
final class DigitsGanManifest {

    static final String KIND = "gan";

    private DigitsGanManifest() {}

    static ModelManifest create(String name, String version, TrainedGan trained, Map<String, Object> evaluation) {
        GanConfig config = trained.config();
        Map<String, Object> properties = ManifestSections.imageProperties(config.latentDim(),
                "dcgan-style generator (nearest upsample + conv, pixel norm, weight EMA); projection discriminator");

        Map<String, Object> training = ManifestSections.training(GanTrainer.class, config, config.dataSeed(),
                config.dataSize(), trained.dataSha256(), config.steps(), trained.wallSeconds());
        training.put("finalDiscriminatorLoss", round(trained.finalLosses().discriminatorLoss()));
        training.put("finalGeneratorLoss", round(trained.finalLosses().generatorLoss()));
        training.put("losses", trained.losses().stream()
                .map(r -> List.of(r.step(), round(r.discriminatorLoss()), round(r.generatorLoss()), round(r.seconds())))
                .toList());
        training.put("lossesColumns", List.of("step", "discriminatorLoss", "generatorLoss", "seconds"));
        ManifestSections.addEnvironment(training);

        return new ModelManifest(name, version, KIND, ModelManifest.FORMAT_SAVED_MODEL,
                GanSignatures.describe(config.latentDim(), GanArchitecture.IMAGE_SIZE),
                properties, Map.of(), training, ManifestSections.figures(evaluation));
    }
}
