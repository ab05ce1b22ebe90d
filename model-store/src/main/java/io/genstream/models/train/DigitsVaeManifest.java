package io.genstream.models.train;

import static io.genstream.models.train.ManifestSections.round;

import java.util.List;
import java.util.Map;

import io.genstream.models.export.VaeSignatures;
import io.genstream.models.manifest.ModelManifest;
import io.genstream.models.vae.VaeArchitecture;

/** The manifest of a trained digits-vae version (without file digests; see {@link ModelManifest#withFilesOf}). */
final class DigitsVaeManifest {

    static final String KIND = "vae";

    private DigitsVaeManifest() {}

    static ModelManifest create(String name, String version, TrainedVae trained, Map<String, Object> evaluation) {
        VaeConfig config = trained.config();
        Map<String, Object> properties = ManifestSections.imageProperties(config.latentDim(),
                "conditional VAE: strided-conv encoder to a diagonal Gaussian; decoder = the digits-gan generator's"
                        + " shape (nearest upsample + conv, pixel norm); Bernoulli likelihood; N(0, I) prior");
        properties.put("prior", "standard normal: z for a seed is the noise above");

        Map<String, Object> training = ManifestSections.training(VaeTrainer.class, config, config.dataSeed(),
                config.dataSize(), trained.dataSha256(), config.steps(), trained.wallSeconds());
        VaeLossRecord last = trained.finalLosses();
        training.put("finalLoss", round(last.loss()));
        training.put("finalReconstruction", round(last.reconstruction()));
        training.put("finalKl", round(last.kl()));
        training.put("losses", trained.losses().stream()
                .map(r -> List.of(r.step(), round(r.loss()), round(r.reconstruction()), round(r.kl()), round(r.seconds())))
                .toList());
        training.put("lossesColumns", List.of("step", "loss", "reconstruction", "kl", "seconds"));
        ManifestSections.addEnvironment(training);

        return new ModelManifest(name, version, KIND, ModelManifest.FORMAT_SAVED_MODEL,
                VaeSignatures.describe(config.latentDim(), VaeArchitecture.IMAGE_SIZE),
                properties, Map.of(), training, ManifestSections.figures(evaluation));
    }
}
