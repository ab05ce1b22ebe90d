package io.genstream.models.train;

import static io.genstream.models.train.ManifestEntries.round;

import java.util.LinkedHashMap;
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
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("latentDim", config.latentDim());
        properties.put("numClasses", GanConfig.NUM_CLASSES);
        properties.put("imageWidth", GanArchitecture.IMAGE_SIZE);
        properties.put("imageHeight", GanArchitecture.IMAGE_SIZE);
        properties.put("imageRange", "0 = black background, 1 = white stroke");
        properties.put("noise", "z = new java.util.Random(seed).nextGaussian() x latentDim (io.genstream.models.gan.LatentNoise)");
        properties.put("architecture", "dcgan-style generator (nearest upsample + conv, pixel norm, weight EMA); projection discriminator");

        Map<String, Object> training = new LinkedHashMap<>();
        training.put("trainer", GanTrainer.class.getName());
        training.put("config", config);
        training.put("dataSet", "digits");
        training.put("dataSeed", config.dataSeed());
        training.put("dataSize", config.dataSize());
        training.put("dataSha256", trained.dataSha256());
        training.put("heldOutDataSeed", config.dataSeed() + 1);
        training.put("steps", config.steps());
        training.put("wallSeconds", round(trained.wallSeconds()));
        training.put("finalDiscriminatorLoss", round(trained.finalLosses().discriminatorLoss()));
        training.put("finalGeneratorLoss", round(trained.finalLosses().generatorLoss()));
        training.put("losses", trained.losses().stream()
                .map(r -> List.of(r.step(), round(r.discriminatorLoss()), round(r.generatorLoss()), round(r.seconds())))
                .toList());
        training.put("lossesColumns", List.of("step", "discriminatorLoss", "generatorLoss", "seconds"));
        ManifestEntries.putEnvironment(training);

        Map<String, Object> figures = ManifestEntries.rounded(evaluation);

        return new ModelManifest(name, version, KIND, ModelManifest.FORMAT_SAVED_MODEL,
                GanSignatures.describe(config.latentDim(), GanArchitecture.IMAGE_SIZE),
                properties, Map.of(), training, figures);
    }
}
