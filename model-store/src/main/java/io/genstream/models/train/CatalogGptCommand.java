package io.genstream.models.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.genstream.models.gpt.GptArchitecture;
import io.genstream.models.gpt.GptConfig;
import io.genstream.models.gpt.GptInferenceModel;
import io.genstream.models.gpt.GptTrainer;
import io.genstream.models.gpt.TrainedGpt;
import io.genstream.models.manifest.ModelManifest;
import io.genstream.models.text.CatalogCorpus;
import io.genstream.models.text.CatalogExample;
import io.genstream.models.text.CharVocabulary;
import io.genstream.models.text.ContextPrefix;
import io.genstream.models.text.SavedModelTextModel;
import io.genstream.models.text.TextBatchSampler;

/**
 * Trains a catalog-gpt version end to end: generate the corpus, train, export the lean
 * SavedModel, evaluate it through its signatures (the same figures and {@code samples.txt} as
 * catalog-lstm, {@link CatalogLstmEvaluator}), write and verify {@code model.json}. See
 * {@link CatalogGptOptions} for the arguments.
 */
final class CatalogGptCommand {

    static final String MODEL = "catalog-gpt";
    /** Blurbs sampled for the valid rates. */
    static final int SAMPLES = 300;

    private CatalogGptCommand() {}

    /** Checks the arguments and prepares the version folder (see {@link TrainCommand#run(TrainCommand.RunPreparation, PrintStream)}). */
    static TrainCommand.PreparedRun prepare(List<String> args, PrintStream out) throws IOException {
        CatalogGptOptions options = CatalogGptOptions.parse(args);
        Path dir = TrainCommand.prepareOutput(MODEL, options.out(), options.root(), options.version(), options.overwrite());
        return () -> train(options.config(), dir, out);
    }

    static void train(GptConfig config, Path dir, PrintStream out) throws IOException {
        CharVocabulary vocabulary = CharVocabulary.catalog();
        GptArchitecture arch = config.architecture(vocabulary.size());
        out.printf("training %s into %s: %s (%d parameters)%n", MODEL, dir, config, arch.parameterCount());
        List<CatalogExample> training = CatalogCorpus.generate(config.dataSeed(), config.dataSize());
        List<CatalogExample> heldOut = CatalogCorpus.generate(config.dataSeed() + 1, config.heldOutSize());
        List<int[]> sequences = training.stream().map(e -> vocabulary.encode(e.trainingText())).toList();
        TextBatchSampler batches = new TextBatchSampler(sequences, config.batchSize(), arch.maxLength(),
                TextBatchSampler.Mode.WHOLE_SEQUENCES, config.seed());
        int contextEnd = vocabulary.encode(String.valueOf(ContextPrefix.END))[0];
        Path work = Files.createTempDirectory("catalog-gpt-train");
        try {
            TrainedGpt trained = new GptTrainer(config, arch, out::println).train(batches, contextEnd, work.resolve("ckpt").toString());
            try (GptInferenceModel model = GptInferenceModel.restore(arch, trained.checkpointPrefix(), config.threads())) {
                model.exportSavedModel(dir);
            }
            String version = dir.toAbsolutePath().normalize().getFileName().toString();
            Map<String, Object> evaluation = evaluate(version, trained, sequences, heldOut, dir);
            ModelManifest manifest = CatalogGptManifest.create(MODEL, version, trained, vocabulary, sequences, evaluation)
                    .withFilesOf(dir);
            TrainCommand.finish(manifest, dir, trained.wallSeconds(), evaluation, out);
        } finally {
            TrainCommand.deleteTree(work);
        }
    }

    /** The figures of the export in {@code dir}, which is loaded through a manifest written first without them. */
    static Map<String, Object> evaluate(String version, TrainedGpt trained, List<int[]> sequences,
            List<CatalogExample> heldOut, Path dir) throws IOException {
        CharVocabulary vocabulary = CharVocabulary.catalog();
        CatalogGptManifest.create(MODEL, version, trained, vocabulary, sequences, Map.of()).withFilesOf(dir).write(dir);
        long start = System.nanoTime();
        Map<String, Object> evaluation;
        try (SavedModelTextModel model = SavedModelTextModel.load(dir, trained.config().threads())) {
            evaluation = new CatalogLstmEvaluator(Math.min(SAMPLES, heldOut.size())).evaluate(model, heldOut, dir);
        }
        evaluation.put("evaluationSeconds", (System.nanoTime() - start) / 1e9);
        return evaluation;
    }
}
