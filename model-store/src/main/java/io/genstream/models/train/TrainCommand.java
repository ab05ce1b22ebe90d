package io.genstream.models.train;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.genstream.models.data.DigitsDataset;
import io.genstream.models.export.ContactSheet;
import io.genstream.models.export.GanInferenceModel;
import io.genstream.models.manifest.ModelManifest;
import io.genstream.models.manifest.SavedModelFiles;
import io.genstream.models.registry.ModelRegistry;
import io.genstream.models.registry.ModelVersion;
import io.genstream.models.tf.TensorFlowNatives;

/**
 * Trains a model version end to end: generate the data, train, export the lean SavedModel, draw
 * the contact sheet, evaluate, write and verify {@code model.json}. See {@link TrainOptions} for
 * the arguments; the digits-vae's steps are in {@link DigitsVaeTraining}, the digits-eval's in
 * {@link DigitsEvalTraining}.
 */
public final class TrainCommand {

    static final int SHEET_COLUMNS = 10;
    static final int SHEET_SCALE = 3;

    private TrainCommand() {}

    public static void main(String[] args) {
        int status = run(List.of(args), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** @return the process exit status: 0 done, 2 bad arguments or an occupied output folder */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty() && args.get(0).equals(CatalogLstmCommand.MODEL)) {
            return CatalogLstmCommand.run(args, out, err);
        }
        if (!args.isEmpty() && args.get(0).equals(CatalogGptCommand.MODEL)) {
            return run(() -> CatalogGptCommand.prepare(args, out), err);
        }
        return run(() -> {
            TrainOptions options = TrainOptions.parse(args);
            Path dir = prepareOutput(options);
            return () -> train(options, dir, out);
        }, err);
    }

    /** A training run whose arguments have been checked and whose output folder is ready. */
    interface PreparedRun {
        void train() throws IOException;
    }

    /** Parses a model's arguments and prepares its folder, throwing IllegalArgumentException for the user. */
    interface RunPreparation {
        PreparedRun prepare() throws IOException;
    }

    /** Runs a model's training; bad arguments are printed to {@code err} and give status 2. */
    static int run(RunPreparation preparation, PrintStream err) {
        PreparedRun run;
        try {
            run = preparation.prepare();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            run.train();
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trains and writes one digits-gan version; returns its folder. */
    public static Path trainDigitsGan(TrainOptions options, PrintStream out) throws IOException {
        Path dir = prepareOutput(options);
        train(options, dir, out);
        return dir;
    }

    private static void train(TrainOptions options, Path dir, PrintStream out) throws IOException {
        TensorFlowNatives.ensureLocated();
        String version = dir.toAbsolutePath().normalize().getFileName().toString();
        Path work = Files.createTempDirectory(options.model() + "-train");
        try {
            ModelManifest manifest = switch (options.model()) {
                case TrainOptions.DIGITS_VAE -> DigitsVaeTraining.run(options.model(), version, options.vaeConfig(), dir, work, out);
                case TrainOptions.DIGITS_EVAL -> DigitsEvalTraining.run(
                        options.model(), version, options.classifierConfig(), dir, work, options.root(), out);
                default -> trainGan(options, version, dir, work, out);
            };
            manifest = manifest.withFilesOf(dir);
            manifest.write(dir);
            manifest.verify(dir);
            out.printf("model %s (%d bytes of SavedModel)%nevaluation %s%n", dir, savedModelBytes(dir), brief(manifest.evaluation()));
        } finally {
            deleteTree(work);
        }
    }

    private static ModelManifest trainGan(TrainOptions options, String version, Path dir, Path work, PrintStream out)
            throws IOException {
        GanConfig config = options.config();
        out.printf("training %s into %s: %s%n", options.model(), dir, config);
        DigitsDataset training = DigitsDataset.generate(config.dataSeed(), config.dataSize());
        DigitsDataset heldOut = DigitsDataset.generate(config.dataSeed() + 1, config.heldOutSize());
        TrainedGan trained = new GanTrainer(config, out::println).train(training, work.resolve("ckpt").toString());
        Map<String, Object> evaluation;
        try (GanInferenceModel model =
                GanInferenceModel.restore(config.architecture(), trained.checkpointPrefix(), config.threads())) {
            model.exportSavedModel(dir);
            ContactSheet.write(model, dir.resolve(ContactSheet.FILE_NAME), SHEET_COLUMNS, SHEET_SCALE);
            evaluation = new GanEvaluator(training).evaluate(model, heldOut);
        }
        out.printf("trained in %.1f s%n", trained.wallSeconds());
        return DigitsGanManifest.create(options.model(), version, trained, evaluation);
    }

    /** The version folder, empty and ready: {@code --out}, or the next version under {@code --root}. */
    private static Path prepareOutput(TrainOptions options) throws IOException {
        return prepareOutput(options.model(), options.out(), options.root(), options.version(), options.overwrite());
    }

    /** As {@link #prepareOutput(TrainOptions)}, for any model's options. */
    static Path prepareOutput(String model, Optional<Path> out, Path root, Optional<String> version, boolean overwrite)
            throws IOException {
        Path dir = out.orElseGet(() -> root.resolve(model).resolve(nextVersion(model, root, version)));
        prepare(dir, overwrite);
        return dir;
    }

    private static String nextVersion(String model, Path root, Optional<String> version) {
        if (version.isPresent()) {
            return version.get();
        }
        if (!Files.isDirectory(root)) {
            return "1";
        }
        return ModelRegistry.open(root).latest(model)
                .map(ModelVersion::version)
                .map(v -> {
                    if (!v.matches("\\d+")) {
                        throw new IllegalArgumentException("latest version " + v + " is not a number: pass --version");
                    }
                    return String.valueOf(Long.parseLong(v) + 1);
                })
                .orElse("1");
    }

    /** An empty folder to export into; with {@code overwrite}, an old version's files are removed first. */
    private static void prepare(Path dir, boolean overwrite) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> children = Files.list(dir)) {
                if (children.findAny().isPresent()) {
                    if (!overwrite) {
                        throw new IllegalArgumentException(dir + " is not empty; pass --overwrite to replace it");
                    }
                    deleteTree(dir);
                }
            }
        }
        Files.createDirectories(dir);
    }

    /** Writes and verifies the version's {@code model.json}, and reports the run. */
    static void finish(ModelManifest manifest, Path dir, double wallSeconds, Map<String, Object> evaluation, PrintStream out)
            throws IOException {
        finish(manifest, dir, "trained", wallSeconds, evaluation, out);
    }

    /** Writes and verifies {@code model.json} and reports what was {@code done} (trained, exported) and how long it took. */
    static void finish(ModelManifest manifest, Path dir, String done, double wallSeconds, Map<String, Object> evaluation,
            PrintStream out) throws IOException {
        manifest.write(dir);
        manifest.verify(dir);
        out.printf("%s in %.1f s; model %s (%d bytes of SavedModel)%nevaluation %s%n",
                done, wallSeconds, dir, savedModelBytes(dir), brief(evaluation));
    }

    /** The figures to print: a long value (e.g. digits-eval's reference covariance) is left to model.json. */
    private static Map<String, Object> brief(Map<String, Object> evaluation) {
        Map<String, Object> brief = new LinkedHashMap<>();
        evaluation.forEach((k, v) -> brief.put(k, String.valueOf(v).length() > 1_000 ? "(see model.json)" : v));
        return brief;
    }

    static long savedModelBytes(Path dir) throws IOException {
        long total = 0;
        for (String file : SavedModelFiles.list(dir)) {
            total += Files.size(dir.resolve(file));
        }
        return total;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
