package io.genstream.models.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

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
        Optional<Path> source = options.weightsOf().map(v -> options.root().resolve(MODEL).resolve(v));
        if (source.isPresent() && !Files.isRegularFile(source.get().resolve(ModelManifest.FILE_NAME))) {
            throw new IllegalArgumentException("--weights-of: no " + MODEL + " version at " + source.get());
        }
        Path dir = TrainCommand.prepareOutput(MODEL, options.out(), options.root(), options.version(), options.overwrite());
        if (source.isPresent()) {
            return () -> reexport(source.get(), dir, out);
        }
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
            Map<String, Object> evaluation = evaluate(
                    CatalogGptManifest.create(MODEL, version, trained, vocabulary, sequences, Map.of()), config, heldOut, dir);
            ModelManifest manifest = CatalogGptManifest.create(MODEL, version, trained, vocabulary, sequences, evaluation)
                    .withFilesOf(dir);
            TrainCommand.finish(manifest, dir, trained.wallSeconds(), evaluation, out);
        } finally {
            TrainCommand.deleteTree(work);
        }
    }

    /**
     * Exports the weights of an earlier version ({@code source}) with this build's graph into {@code dir}, then
     * evaluates the export and writes its manifest: the source's training section, naming the source. For graph
     * changes that keep the weights (version 5 is version 4's weights with a cheaper prefill and a step that
     * takes a cache of any length).
     */
    static void reexport(Path source, Path dir, PrintStream out) throws IOException {
        long start = System.nanoTime();
        ModelManifest from = ModelManifest.read(source);
        GptConfig config = new ObjectMapper().convertValue(from.training().get("config"), GptConfig.class);
        CharVocabulary vocabulary = CharVocabulary.catalog();
        GptArchitecture arch = config.architecture(vocabulary.size());
        out.printf("exporting %s@%s's weights with this build's graph into %s: %s%n", MODEL, from.version(), dir, config);
        try (GptInferenceModel model = GptInferenceModel.restore(arch,
                source.resolve("variables").resolve("variables").toString(), config.threads())) {
            model.exportSavedModel(dir);
        }
        String version = dir.toAbsolutePath().normalize().getFileName().toString();
        Map<String, Object> training = new LinkedHashMap<>(from.training());
        training.put("weightsOf", from.name() + "@" + from.version()
                + ": its trained weights, exported with this version's graph (no training of its own)");
        List<CatalogExample> heldOut = CatalogCorpus.generate(config.dataSeed() + 1, config.heldOutSize());
        Map<String, Object> evaluation = evaluate(
                CatalogGptManifest.create(MODEL, version, arch, vocabulary, training, Map.of()), config, heldOut, dir);
        ModelManifest manifest = CatalogGptManifest.create(MODEL, version, arch, vocabulary, training, evaluation)
                .withFilesOf(dir);
        TrainCommand.finish(manifest, dir, "exported and evaluated", (System.nanoTime() - start) / 1e9, evaluation, out);
    }

    /** The figures of the export in {@code dir}, loaded through {@code unevaluated} (its manifest without them). */
    static Map<String, Object> evaluate(ModelManifest unevaluated, GptConfig config, List<CatalogExample> heldOut,
            Path dir) throws IOException {
        unevaluated.withFilesOf(dir).write(dir);
        long start = System.nanoTime();
        Map<String, Object> evaluation;
        try (SavedModelTextModel model = SavedModelTextModel.load(dir, config.threads())) {
            evaluation = new CatalogLstmEvaluator(Math.min(SAMPLES, heldOut.size())).evaluate(model, heldOut, dir);
        }
        evaluation.put("evaluationSeconds", (System.nanoTime() - start) / 1e9);
        return evaluation;
    }
}
