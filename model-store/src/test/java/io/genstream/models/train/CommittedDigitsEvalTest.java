package io.genstream.models.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.genstream.models.data.DigitsDataset;
import io.genstream.models.export.ClassifierSignatures;
import io.genstream.models.export.DjlClassifierModel;
import io.genstream.models.manifest.ModelManifest;
import io.genstream.models.tf.TensorFlowNatives;
import io.genstream.models.train.ClassifierEvaluator.HeldOut;

/**
 * The committed {@code digits-eval/1}, reloaded from its files through DJL as the serving side
 * loads it, still measures what its manifest says, recomputed on the first {@value #HELD_OUT} of
 * its held-out digits and the first {@value #GENERATED} of each generator's sample, to stay fast.
 *
 * <p>The tolerances: a subset of n of the manifest's N items is a sample without replacement, so
 * its mean lies within a standard error of {@code σ·√(1/n − 1/N)} of the whole set's; 4.5 of them
 * (a chance below 1 in 100,000 per figure, below 1 in 1,000 over all 64 feature dimensions), plus
 * what DJL's kernels change in the last float bits.
 */
class CommittedDigitsEvalTest {

    private static final Path DIR = Path.of("digits-eval", "1");
    private static final int HELD_OUT = 1_000;
    private static final int GENERATED = 300;
    private static final double STANDARD_ERRORS = 4.5;

    private static ModelManifest manifest;
    private static DjlClassifierModel model;
    private static ClassifierEvaluator evaluator;
    private static HeldOut recomputed;
    private static FeatureGaussian reference;

    @BeforeAll
    static void evaluateTheReloadedModel() throws Exception {
        TensorFlowNatives.ensureLocated();
        manifest = ModelManifest.read(DIR);
        model = DjlClassifierModel.load(DIR, manifest.intProperty("numClasses"), manifest.intProperty("featureDim"));
        evaluator = new ClassifierEvaluator(model);
        reference = FeatureGaussian.fromJson(section(manifest.evaluation(), "referenceFeatures"));
        long referenceSeed = ((Number) section(manifest.evaluation(), "referenceFeatures").get("dataSeed")).longValue();
        // The first n digits of a data set are the data set of size n: these are the reference's first 1,000.
        recomputed = evaluator.heldOut(DigitsDataset.generate(referenceSeed, HELD_OUT));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void itsFilesAreTheOnesTheManifestDescribes() {
        manifest.verify(DIR);
        assertThat(manifest.kind()).isEqualTo("classifier");
        assertThat(manifest.signatures()).containsOnlyKeys(ClassifierSignatures.SERVING_DEFAULT);
        assertThat(reference.count()).isGreaterThanOrEqualTo(5_000);
        assertThat(reference.dim()).isEqualTo(64).isEqualTo(manifest.intProperty("featureDim"));
    }

    @Test
    void itMeetsTheHeldOutAccuracyOfItsManifest() {
        double p = number(manifest.evaluation(), "heldOutAccuracy");
        int all = (int) number(manifest.evaluation(), "heldOutSamples");
        assertThat(number(recomputed.figures(), "heldOutAccuracy")).isCloseTo(p, within(proportionTolerance(p, HELD_OUT, all)));
        assertThat(p).isGreaterThan(0.97);
    }

    /** Each dimension of the reference mean, recomputed from the features DJL serves for the first 1,000 digits. */
    @Test
    void theReferenceMeanIsTheMeanOfTheServedFeaturesOfItsDigits() {
        double[] mean = recomputed.reference().mean();
        for (int d = 0; d < reference.dim(); d++) {
            double sigma = Math.sqrt(reference.covariance()[d][d]);
            double tolerance = STANDARD_ERRORS * sigma * Math.sqrt(1.0 / HELD_OUT - 1.0 / reference.count()) + 1e-5;
            assertThat(mean[d]).as("dimension %d", d).isCloseTo(reference.mean()[d], within(tolerance));
        }
    }

    /** The committed generators, drawn again through their own inference graphs, score as the manifest says. */
    @Test
    void itScoresTheCommittedGeneratorsAsItsManifestSays() {
        Map<String, Object> samples = section(manifest.evaluation(), "samples");
        for (String generator : DigitsEvalTraining.GENERATORS) {
            Path dir = Path.of(generator);
            ModelManifest generatorManifest = ModelManifest.read(dir);
            Map<String, Object> figures = section(samples, generatorManifest.name() + "@" + generatorManifest.version());
            float[][] images = SavedGenerators.use(dir, 2, g -> ClassifierEvaluator.generated(g, GENERATED));
            Map<String, Object> again = evaluator.sample(images, ClassifierEvaluator.generatedLabels(GENERATED), reference);
            double p = number(figures, "classAccuracy");
            assertThat(number(again, "classAccuracy")).as(generator)
                    .isCloseTo(p, within(proportionTolerance(p, GENERATED, (int) number(figures, "samples"))));
        }
    }

    /**
     * What makes the feature space worth measuring in: independent real digits lie nearer the
     * reference than either generator's, by the manifest's figures at the same sample size.
     */
    @Test
    void realDigitsAreNearerTheReferenceThanGeneratedOnes() {
        Map<String, Object> samples = section(manifest.evaluation(), "samples");
        double real = number(section(samples, "real"), "frechetDistance");
        for (String key : samples.keySet()) {
            if (!key.equals("real")) {
                assertThat(number(section(samples, key), "frechetDistance")).as(key).isGreaterThan(real);
            }
        }
    }

    /** {@value #STANDARD_ERRORS} standard errors of a proportion over n of N items, and never less than 2 items in n. */
    private static double proportionTolerance(double p, int n, int all) {
        return Math.max(STANDARD_ERRORS * Math.sqrt(p * (1 - p) * (1.0 / n - 1.0 / all)), 2.0 / n);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> figures, String key) {
        return (Map<String, Object>) figures.get(key);
    }

    private static double number(Map<String, Object> figures, String key) {
        return ((Number) figures.get(key)).doubleValue();
    }
}
