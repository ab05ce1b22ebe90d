package io.genstream.models.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.genstream.models.gpt.GptArchitecture;
import io.genstream.models.gpt.GptConfig;
import io.genstream.models.gpt.GptEvaluator;
import io.genstream.models.gpt.GptInferenceModel;
import io.genstream.models.gpt.GptSavedModel;
import io.genstream.models.gpt.GptTrainer;
import io.genstream.models.gpt.TrainedGpt;
import io.genstream.models.manifest.ModelManifest;
import io.genstream.models.text.CatalogCorpus;
import io.genstream.models.text.CatalogExample;
import io.genstream.models.text.CharVocabulary;
import io.genstream.models.text.ContextPrefix;
import io.genstream.models.text.TextBatchSampler;

/**
 * Trains a catalog-gpt version end to end: generate the corpus, train, export the lean
 * SavedModel, evaluate it through its signatures, write {@code samples.txt} and
 * {@code model.json}, verify. See {@link CatalogGptOptions} for the arguments.
 */
final class CatalogGptCommand {

    static final String MODEL = "catalog-gpt";
    /** Samples behind {@code grammarValidRate}: held-out contexts 0…n−1, empty prompt, row i drawn from seed + i. */
    static final int SAMPLE_COUNT = 300;
    static final float SAMPLE_TEMPERATURE = 0.8f;
    static final long SAMPLE_SEED = 1_000_000L;
    static final String SAMPLES_FILE = "samples.txt";
    private static final int LISTED_SAMPLES = 20;
    private static final int LISTED_PROMPTED = 10;

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
            Map<String, Object> evaluation;
            long evaluationStart = System.nanoTime();
            try (GptSavedModel model = GptSavedModel.load(dir, config.threads())) {
                evaluation = evaluate(new GptEvaluator(model, arch, vocabulary), heldOut, dir);
            }
            evaluation.put("evaluationSeconds", (System.nanoTime() - evaluationStart) / 1e9);
            String version = dir.toAbsolutePath().normalize().getFileName().toString();
            ModelManifest manifest = CatalogGptManifest.create(MODEL, version, trained, vocabulary, sequences, evaluation)
                    .withFilesOf(dir);
            manifest.write(dir);
            manifest.verify(dir);
            out.printf("trained in %.1f s; model %s (%d bytes of SavedModel)%nevaluation %s%n",
                    trained.wallSeconds(), dir, TrainCommand.savedModelBytes(dir), evaluation);
        } finally {
            TrainCommand.deleteTree(work);
        }
    }

    private static Map<String, Object> evaluate(GptEvaluator evaluator, List<CatalogExample> heldOut, Path dir)
            throws IOException {
        int count = Math.min(SAMPLE_COUNT, heldOut.size());
        List<GptEvaluator.Sample> samples = evaluator.sample(heldOut.subList(0, count),
                Collections.nCopies(count, ""), SAMPLE_TEMPERATURE, SAMPLE_SEED);
        Map<String, Object> figures = GptEvaluator.figures(evaluator.likelihood(heldOut), samples, SAMPLE_TEMPERATURE);
        // For the listing, some rows also start from a prompt: the first word of the held-out blurb.
        List<CatalogExample> prompted = heldOut.subList(count, Math.min(heldOut.size(), count + LISTED_PROMPTED));
        List<String> prompts = prompted.stream().map(e -> e.blurb().substring(0, e.blurb().indexOf(' ') + 1)).toList();
        List<GptEvaluator.Sample> listed = new ArrayList<>(samples.subList(0, Math.min(LISTED_SAMPLES, count)));
        listed.addAll(evaluator.sample(prompted, prompts, SAMPLE_TEMPERATURE, SAMPLE_SEED + count));
        writeSamples(dir.resolve(SAMPLES_FILE), listed);
        return figures;
    }

    private static void writeSamples(Path file, List<GptEvaluator.Sample> samples) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# catalog-gpt samples at temperature " + SAMPLE_TEMPERATURE
                + ": grammar-valid?, fits its context?, context prefix, prompt, generated blurb (prompt included)");
        for (GptEvaluator.Sample s : samples) {
            lines.add(String.format("%-7s %-6s %s | prompt=\"%s\" | %s", s.valid() ? "valid" : "INVALID",
                    s.fitsContext() ? "fits" : "MISFIT", ContextPrefix.format(s.context()), s.prompt(), s.text()));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
