package io.genstream.models.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.genstream.models.export.CharLstmInferenceModel;
import io.genstream.models.manifest.ModelManifest;
import io.genstream.models.tf.TensorFlowNatives;
import io.genstream.models.text.CatalogCorpus;
import io.genstream.models.text.CatalogExample;
import io.genstream.models.text.CharVocabulary;
import io.genstream.models.text.SavedModelTextModel;

/**
 * {@code TrainCommand catalog-lstm ...}: generate the corpus, train, export the lean SavedModel,
 * evaluate the exported model through its signatures ({@link CatalogLstmEvaluator}), write
 * {@code samples.txt} and {@code model.json}, verify. See {@link CatalogLstmOptions}.
 */
final class CatalogLstmCommand {

    static final String MODEL = "catalog-lstm";

    private CatalogLstmCommand() {}

    /** @return the process exit status: 0 done, 2 bad arguments or an occupied output folder */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        return TrainCommand.run(() -> {
            CatalogLstmOptions options = CatalogLstmOptions.parse(args);
            Path dir = TrainCommand.prepareOutput(MODEL, options.out(), options.root(), options.version(), options.overwrite());
            return () -> train(options, dir, out);
        }, err);
    }

    private static void train(CatalogLstmOptions options, Path dir, PrintStream out) throws IOException {
        TensorFlowNatives.ensureLocated();
        CharLstmConfig config = options.config();
        out.printf("training %s into %s: %s (%d parameters)%n", MODEL, dir, config, config.architecture().parameterCount());
        List<CatalogExample> training = CatalogCorpus.generate(config.dataSeed(), config.dataSize());
        List<CatalogExample> heldOut = CatalogCorpus.generate(config.dataSeed() + 1, config.heldOutSize());
        List<int[]> sequences = new ArrayList<>();
        for (CatalogExample e : training) {
            sequences.add(CharVocabulary.catalog().encode(e.trainingText()));
        }
        Path work = Files.createTempDirectory("catalog-lstm-train");
        try {
            TrainedCharLstm trained = new CharLstmTrainer(config, out::println)
                    .train(sequences, sha256(training), work.resolve("ckpt").toString());
            try (CharLstmInferenceModel model = CharLstmInferenceModel.restore(
                    config.architecture(), CatalogLstmManifest.MAX_LENGTH, trained.checkpointPrefix(), config.threads())) {
                model.exportSavedModel(dir);
            }
            String version = dir.toAbsolutePath().normalize().getFileName().toString();
            // The evaluator loads the export through its manifest, so it is written first without figures.
            CatalogLstmManifest.create(MODEL, version, trained, Map.of()).withFilesOf(dir).write(dir);
            Map<String, Object> evaluation;
            try (SavedModelTextModel model = SavedModelTextModel.load(dir, config.threads())) {
                evaluation = new CatalogLstmEvaluator(options.samples()).evaluate(model, heldOut, dir);
            }
            ModelManifest manifest = CatalogLstmManifest.create(MODEL, version, trained, evaluation).withFilesOf(dir);
            TrainCommand.finish(manifest, dir, trained.wallSeconds(), evaluation, out);
        } finally {
            TrainCommand.deleteTree(work);
        }
    }

    /** Fingerprint of the training texts, in order. */
    private static String sha256(List<CatalogExample> examples) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (CatalogExample e : examples) {
                digest.update(e.trainingText().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
