package io.genstream.models.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.genstream.models.data.DigitsDataset;
import io.genstream.models.export.DjlVaeModel;
import io.genstream.models.export.VaeSignatures;
import io.genstream.models.manifest.ModelManifest;
import io.genstream.models.tf.TensorFlowNatives;

/**
 * The committed {@code digits-vae/1}, reloaded from its files through DJL as the serving side
 * loads it, still measures what its manifest says (recomputed on the first {@value #HELD_OUT} of
 * the manifest's held-out digits, to stay fast).
 */
class CommittedDigitsVaeTest {

    private static final Path DIR = Path.of("digits-vae", "1");
    private static final int HELD_OUT = 500;
    /** Training digits whose class means serve as the accuracy figure's prototypes (the manifest used all). */
    private static final int PROTOTYPE_IMAGES = 3_000;

    private static ModelManifest manifest;
    private static Map<String, Object> recomputed;

    @BeforeAll
    static void evaluateTheReloadedModel() throws Exception {
        TensorFlowNatives.ensureLocated();
        manifest = ModelManifest.read(DIR);
        long dataSeed = ((Number) manifest.training().get("dataSeed")).longValue();
        DigitsDataset prototypes = DigitsDataset.generate(dataSeed, PROTOTYPE_IMAGES);
        // The first n digits of a data set are the data set of size n: these are the manifest's first 500.
        DigitsDataset heldOut = DigitsDataset.generate(dataSeed + 1, HELD_OUT);
        try (DjlVaeModel model = DjlVaeModel.load(DIR, manifest.intProperty("latentDim"), manifest.intProperty("numClasses"))) {
            recomputed = new VaeEvaluator(prototypes).evaluate(model, heldOut);
        }
    }

    @Test
    void itsFilesAreTheOnesTheManifestDescribes() {
        manifest.verify(DIR);
        assertThat(manifest.kind()).isEqualTo("vae");
        assertThat(manifest.signatures()).containsOnlyKeys(VaeSignatures.SERVING_DEFAULT, VaeSignatures.ENCODE);
    }

    /**
     * Each image's reconstruction, KL and ELBO are the same numbers as in the manifest's run (same
     * digits, same ε seeds; DJL and the training session differ in the last float bits only), so
     * the subset's mean differs from the manifest's only by which images are averaged: a mean of
     * 500 of the 2,000 images lies within a standard error of std/√500 of the whole, and 4
     * standard errors make a chance failure far below one in ten thousand.
     */
    @Test
    void itMeetsTheHeldOutElboOfItsManifest() {
        for (String figure : new String[] {"heldOutElbo", "heldOutReconstructionBce", "heldOutKl"}) {
            double standardError = number(manifest.evaluation(), figure + "Std") / Math.sqrt(HELD_OUT);
            assertThat(number(recomputed, figure)).as(figure)
                    .isCloseTo(number(manifest.evaluation(), figure), within(4 * standardError));
        }
    }

    /**
     * Accuracy over 500 images has a binomial standard error of √(p(1−p)/500) (≤ 0.022); 4 of them,
     * plus 0.02 for prototypes averaged over 3,000 rather than 30,000 training digits (their class
     * means move by ~0.02 per pixel, which flips the odd borderline image).
     */
    @Test
    void itsGeneratedDigitsAreStillOfTheClassAskedFor() {
        for (String figure : new String[] {
                "nearestClassMeanAccuracyGenerated", "nearestClassMeanAccuracyReconstructed", "nearestClassMeanAccuracyReal"}) {
            double p = number(manifest.evaluation(), figure);
            double tolerance = 4 * Math.sqrt(p * (1 - p) / HELD_OUT) + 0.02;
            assertThat(number(recomputed, figure)).as(figure).isCloseTo(p, within(tolerance));
        }
    }

    private static double number(Map<String, Object> figures, String key) {
        return ((Number) figures.get(key)).doubleValue();
    }
}
