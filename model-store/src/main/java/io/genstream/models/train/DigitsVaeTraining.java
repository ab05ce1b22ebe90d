package io.genstream.models.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.genstream.models.data.DigitsDataset;
import io.genstream.models.export.ContactSheet;
import io.genstream.models.export.ContactSheet.Interpolation;
import io.genstream.models.export.VaeInferenceModel;
import io.genstream.models.manifest.ModelManifest;

/**
 * The digits-vae's part of {@link TrainCommand}: draw the data, train, export the lean SavedModel,
 * draw the contact sheet with its interpolation strips, evaluate, describe.
 */
final class DigitsVaeTraining {

    /**
     * Below the ten class rows: the spherical path between two seeds' latents under one label,
     * one strip per row, as a served interpolation request with {@code steps = 10} draws it.
     */
    static final List<Interpolation> STRIPS = List.of(
            new Interpolation(0, 1, 2), new Interpolation(2, 3, 5), new Interpolation(4, 5, 8));

    private DigitsVaeTraining() {}

    /** @return the manifest, without file digests */
    static ModelManifest run(String name, String version, VaeConfig config, Path dir, Path work, PrintStream out)
            throws IOException {
        out.printf("training %s into %s: %s%n", name, dir, config);
        DigitsDataset training = DigitsDataset.generate(config.dataSeed(), config.dataSize());
        DigitsDataset heldOut = DigitsDataset.generate(config.dataSeed() + 1, config.heldOutSize());
        TrainedVae trained = new VaeTrainer(config, out::println).train(training, work.resolve("ckpt").toString());
        Map<String, Object> evaluation;
        try (VaeInferenceModel model =
                VaeInferenceModel.restore(config.architecture(), trained.checkpointPrefix(), config.threads())) {
            model.exportSavedModel(dir);
            ContactSheet.write(model, dir.resolve(ContactSheet.FILE_NAME), TrainCommand.SHEET_COLUMNS,
                    TrainCommand.SHEET_SCALE, STRIPS);
            evaluation = new VaeEvaluator(training).evaluate(model, heldOut);
        }
        out.printf("trained in %.1f s%n", trained.wallSeconds());
        return DigitsVaeManifest.create(name, version, trained, evaluation);
    }
}
