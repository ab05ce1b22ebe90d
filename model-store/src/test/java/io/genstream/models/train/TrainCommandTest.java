package io.genstream.models.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.genstream.models.export.ClassifierSignatures;
import io.genstream.models.export.ContactSheet;
import io.genstream.models.export.GanSignatures;
import io.genstream.models.export.VaeSignatures;
import io.genstream.models.manifest.ModelManifest;
import io.genstream.models.registry.ModelRegistry;
import io.genstream.models.registry.ModelVersion;

class TrainCommandTest {

    @TempDir
    Path root;

    private final CapturedCommand command = new CapturedCommand();

    private int run(String... args) {
        return command.run(args);
    }

    @Test
    void trainsAVersionTheRegistryFindsAndVerifies() throws Exception {
        assertThat(run("digits-gan", "--root", root.toString(), "--preset", "tiny")).isZero();
        assertThat(run("digits-gan", "--root", root.toString(), "--preset", "tiny", "--steps", "2")).isZero();

        ModelRegistry registry = ModelRegistry.open(root);
        assertThat(registry.list()).extracting(ModelVersion::id).containsExactly("digits-gan@1", "digits-gan@2");
        assertThat(registry.verifyAll()).allMatch(r -> r.ok());

        ModelVersion latest = registry.latest("digits-gan").orElseThrow();
        ModelManifest manifest = latest.manifest();
        assertThat(manifest.kind()).isEqualTo("gan");
        assertThat(manifest.format()).isEqualTo("tensorflow-savedmodel");
        assertThat(manifest.intProperty("latentDim")).isEqualTo(64);
        assertThat(manifest.intProperty("numClasses")).isEqualTo(10);
        assertThat(manifest.intProperty("imageWidth")).isEqualTo(28);
        assertThat(manifest.intProperty("imageHeight")).isEqualTo(28);
        assertThat(manifest.signatures()).containsOnlyKeys(GanSignatures.SERVING_DEFAULT, GanSignatures.DISCRIMINATE);
        assertThat(manifest.signatures().get(GanSignatures.SERVING_DEFAULT).outputs())
                .containsOnlyKeys(GanSignatures.IMAGE, GanSignatures.REALISM);
        assertThat(manifest.files()).containsKeys("saved_model.pb", "variables/variables.index");
        assertThat(manifest.training()).containsEntry("steps", 2).containsKeys(
                "config", "dataSeed", "wallSeconds", "finalDiscriminatorLoss", "finalGeneratorLoss",
                "tensorflowVersion", "machineCores");
        assertThat(manifest.evaluation()).containsKeys(
                "meanRealismReal", "meanRealismGenerated", "nearestClassMeanAccuracyGenerated");

        BufferedImage sheet = ImageIO.read(latest.dir().resolve(ContactSheet.FILE_NAME).toFile());
        assertThat(sheet.getWidth()).isEqualTo(10 * (28 * 3 + 2) + 2);
        assertThat(sheet.getHeight()).isEqualTo(10 * (28 * 3 + 2) + 2);
        assertThat(command.out()).contains("step 2/2");
    }

    @Test
    void trainsADigitsVaeVersionWithItsContractFiguresAndContactSheet() throws Exception {
        assertThat(run("digits-vae", "--root", root.toString(), "--preset", "tiny", "--steps", "2")).isZero();

        ModelVersion version = ModelRegistry.open(root).latest("digits-vae").orElseThrow();
        assertThat(version.version()).isEqualTo("1");
        ModelManifest manifest = version.manifest();
        manifest.verify(version.dir());
        assertThat(manifest.kind()).isEqualTo("vae");
        assertThat(manifest.intProperty("latentDim")).isEqualTo(VaeConfig.tiny().latentDim());
        assertThat(manifest.intProperty("numClasses")).isEqualTo(10);
        assertThat(manifest.intProperty("imageWidth")).isEqualTo(28);
        assertThat(manifest.intProperty("imageHeight")).isEqualTo(28);
        assertThat(manifest.properties()).containsKeys("imageRange", "noise");
        assertThat(manifest.signatures()).containsOnlyKeys(VaeSignatures.SERVING_DEFAULT, VaeSignatures.ENCODE);
        assertThat(manifest.signatures().get(VaeSignatures.SERVING_DEFAULT).outputs()).containsOnlyKeys(VaeSignatures.IMAGE);
        assertThat(manifest.training()).containsEntry("steps", 2).containsEntry("dataSeed", 11).containsKeys(
                "config", "wallSeconds", "finalLoss", "finalReconstruction", "finalKl", "losses");
        assertThat(manifest.evaluation()).containsKeys("heldOutElbo", "heldOutReconstructionBce", "heldOutKl",
                "nearestClassMeanAccuracyGenerated", "nearestClassMeanAccuracyReal");

        BufferedImage sheet = ImageIO.read(version.dir().resolve(ContactSheet.FILE_NAME).toFile());
        int cell = 28 * 3 + 2;
        assertThat(sheet.getWidth()).isEqualTo(10 * cell + 2);
        assertThat(sheet.getHeight()).isEqualTo((10 + DigitsVaeTraining.STRIPS.size()) * cell + 2);
        assertThat(command.out()).contains("step 2/2");
    }

    /**
     * With the committed digits-gan in the model store, the digits-eval manifest reports its sample
     * figures too; the digits-vae is absent there, so its figures are left out.
     */
    @Test
    void trainsADigitsEvalVersionWithItsContractAndReferenceFeatures() throws Exception {
        copyTree(Path.of("digits-gan", "1"), root.resolve("digits-gan/1"));
        assertThat(run("digits-eval", "--root", root.toString(), "--preset", "tiny", "--steps", "2")).isZero();

        ModelVersion version = ModelRegistry.open(root).latest("digits-eval").orElseThrow();
        ModelManifest manifest = version.manifest();
        manifest.verify(version.dir());
        ClassifierConfig config = ClassifierConfig.tiny();
        assertThat(manifest.kind()).isEqualTo("classifier");
        assertThat(manifest.intProperty("numClasses")).isEqualTo(10);
        assertThat(manifest.intProperty("featureDim")).isEqualTo(config.featureDim());
        assertThat(manifest.intProperty("imageWidth")).isEqualTo(28);
        assertThat(manifest.intProperty("imageHeight")).isEqualTo(28);
        assertThat(manifest.properties()).containsKey("imageRange").doesNotContainKey("latentDim");
        assertThat(manifest.signatures()).containsOnlyKeys(ClassifierSignatures.SERVING_DEFAULT);
        assertThat(manifest.signatures().get(ClassifierSignatures.SERVING_DEFAULT).outputs())
                .containsOnlyKeys(ClassifierSignatures.PROBABILITIES, ClassifierSignatures.FEATURES);
        assertThat(manifest.training()).containsEntry("steps", 2).containsEntry("dataSeed", 11)
                .containsKeys("config", "wallSeconds", "finalLoss", "losses");
        assertThat(manifest.evaluation()).containsEntry("heldOutSamples", config.heldOutSize())
                .containsKeys("heldOutAccuracy", "heldOutConfusion");

        @SuppressWarnings("unchecked")
        FeatureGaussian reference = FeatureGaussian.fromJson((Map<String, Object>) manifest.evaluation().get("referenceFeatures"));
        assertThat(reference.count()).isEqualTo(config.heldOutSize());
        assertThat(reference.mean()).hasSize(config.featureDim());
        assertThat(reference.covariance()).hasNumberOfRows(config.featureDim());
        for (int i = 0; i < config.featureDim(); i++) {
            assertThat(reference.covariance()[i][i]).isNotNegative();
            for (int j = 0; j < i; j++) {
                assertThat(reference.covariance()[i][j]).isEqualTo(reference.covariance()[j][i]);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> samples = (Map<String, Map<String, Object>>) manifest.evaluation().get("samples");
        assertThat(samples).containsOnlyKeys("real", "digits-gan@1");
        for (Map<String, Object> sample : samples.values()) {
            assertThat(sample).containsEntry("samples", config.sampleSize())
                    .containsKeys("classAccuracy", "meanConfidence", "frechetDistance", "diversity");
            assertThat(((Number) sample.get("frechetDistance")).doubleValue()).isPositive();
        }
        assertThat(command.out()).contains("step 2/2", "digits-vae/1: its sample figures are left out");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void refusesToOverwriteAVersionUnlessAsked() throws Exception {
        Path dir = root.resolve("digits-gan/1");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.txt"), "keep me");
        assertThat(run("digits-gan", "--out", dir.toString(), "--preset", "tiny")).isEqualTo(2);
        assertThat(command.err()).contains("--overwrite");
        assertThat(dir.resolve("notes.txt")).exists();

        assertThat(run("digits-gan", "--out", dir.toString(), "--preset", "tiny", "--overwrite")).isZero();
        assertThat(dir.resolve("notes.txt")).doesNotExist();
        ModelManifest.read(dir).verify(dir);
    }

    @Test
    void badArgumentsExitWithStatusTwoAndUsage() {
        assertThat(run("digits-cvae")).isEqualTo(2);
        assertThat(run("digits-vae", "--preset", "huge")).isEqualTo(2);
        assertThat(run("digits-gan", "--steps")).isEqualTo(2);
        assertThat(run("digits-gan", "--steps", "many")).isEqualTo(2);
        assertThat(run("digits-gan", "--colour", "red")).isEqualTo(2);
        assertThat(command.err()).contains("usage:");
    }

    @Test
    void overridesApplyOnTopOfThePresetInAnyOrder() {
        TrainOptions options = TrainOptions.parse(List.of("digits-gan", "--steps", "5", "--seed", "9", "--preset", "tiny"));
        assertThat(options.config()).isEqualTo(GanConfig.tiny().withSteps(5).withSeed(9));
        assertThat(options.out()).isEmpty();
        assertThat(options.root()).isEqualTo(Path.of("model-store"));

        TrainOptions vae = TrainOptions.parse(List.of("digits-vae", "--threads", "1", "--preset", "tiny", "--data-size", "60"));
        assertThat(vae.vaeConfig()).isEqualTo(VaeConfig.tiny().with(new TrainingOverrides(null, null, null, 60, 1)));
        assertThat(TrainOptions.parse(List.of("digits-vae")).vaeConfig()).isEqualTo(VaeConfig.standard());
        assertThat(TrainOptions.parse(List.of("digits-eval", "--steps", "7", "--preset", "tiny")).classifierConfig())
                .isEqualTo(ClassifierConfig.tiny().with(new TrainingOverrides(7, null, null, null, null)));
    }
}
