package io.genstream.models.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.genstream.models.manifest.ModelManifest;
import io.genstream.models.text.CatalogCorpus;
import io.genstream.models.text.CatalogEvaluation;
import io.genstream.models.text.CatalogExample;
import io.genstream.models.text.CharVocabulary;
import io.genstream.models.text.SavedModelTextModel;
import io.genstream.models.text.TokenSampler;

/**
 * A committed {@code catalog-gpt} version, reloaded from its SavedModel, still meets the figures its
 * manifest claims, recomputed on a subset (to stay fast): a drifted export, a changed vocabulary
 * or prefix format, or a broken cache would show here. One subclass per committed version.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CommittedCatalogGptChecks {

    private final Path dir;
    private static final int GROUPS = 10;
    private static final int GROUP_SIZE = 10;
    private static final int SAMPLES = 60;

    private ModelManifest manifest;
    private SavedModelTextModel model;
    private List<CatalogExample> heldOut;

    CommittedCatalogGptChecks(String version) {
        dir = Path.of("catalog-gpt", version);
    }

    @BeforeAll
    void load() {
        manifest = ModelManifest.read(dir);
        manifest.verify(dir);
        model = SavedModelTextModel.load(dir, 2);
        long dataSeed = ((Number) manifest.training().get("dataSeed")).longValue();
        heldOut = CatalogCorpus.generate(dataSeed + 1, GROUPS * GROUP_SIZE);
    }

    @AfterAll
    void close() {
        model.close();
    }

    @Test
    void itsPropertiesDescribeTheServingContract() {
        assertThat(manifest.kind()).isEqualTo("gpt");
        assertThat(manifest.properties().get("vocabulary")).isEqualTo(CharVocabulary.catalog().chars());
        assertThat(manifest.intProperty("endToken")).isZero();
        int heads = manifest.intProperty("heads");
        int kvHeads = manifest.properties().containsKey("kvHeads") ? manifest.intProperty("kvHeads") : heads;
        int kvWidth = manifest.intProperty("dModel") / heads * kvHeads;
        assertThat(manifest.intProperty("stateSize")).isEqualTo(
                2 * manifest.intProperty("layers") * manifest.intProperty("maxLength") * kvWidth)
                .isLessThanOrEqualTo(65_536);
        assertThat(manifest.intProperty("maxLength")).isGreaterThanOrEqualTo(CatalogCorpus.MAX_SEQUENCE_LENGTH - 1);
    }

    /**
     * Perplexity of the first 100 held-out blurbs, in 10 groups, against the manifest's figure
     * over 1,000: the subset's log-perplexity is a ratio estimate whose standard error comes from
     * the spread of the groups; 4.5 standard errors (with only 9 degrees of freedom behind the
     * estimate) keep a false alarm below 1e-3, while a broken model is off by far more.
     */
    @Test
    void heldOutPerplexityOnASubsetAgreesWithTheManifest() {
        double[] nll = new double[GROUPS];
        double[] chars = new double[GROUPS];
        for (int g = 0; g < GROUPS; g++) {
            List<CatalogExample> group = heldOut.subList(g * GROUP_SIZE, (g + 1) * GROUP_SIZE);
            chars[g] = group.stream().mapToInt(e -> e.blurb().length() + 1).sum();
            nll[g] = Math.log(CatalogEvaluation.blurbPerplexity(model, group, GROUP_SIZE)) * chars[g];
        }
        double logPerplexity = sum(nll) / sum(chars);
        double variance = 0;
        for (int g = 0; g < GROUPS; g++) {
            double residual = nll[g] - logPerplexity * chars[g];
            variance += residual * residual / (GROUPS - 1);
        }
        double standardError = Math.sqrt(variance / GROUPS) / (sum(chars) / GROUPS);
        double claimed = Math.log(figure("heldOutPerplexity"));
        assertThat(Math.abs(logPerplexity - claimed)).isLessThanOrEqualTo(4.5 * standardError + 1e-4);
    }

    /**
     * The first {@value #SAMPLES} of the manifest's samples (same contexts, same seeds, so mostly
     * the very same texts; a last-bit difference in logits from another batch size can flip a draw
     * on a boundary): each rate must be no more than 3 binomial standard deviations below the claim.
     */
    @Test
    void sampledBlurbsAreGrammarValidAtTheManifestsRate() {
        List<CatalogEvaluation.Sample> samples = CatalogEvaluation.sample(model, heldOut.subList(0, SAMPLES),
                Collections.nCopies(SAMPLES, ""), new TokenSampler((float) CatalogLstmEvaluator.TEMPERATURE, null, null),
                CatalogLstmEvaluator.SAMPLE_SEED, SAMPLES);
        assertRateAtLeast(CatalogEvaluation.rate(samples, CatalogEvaluation.Sample::grammarValid), figure("grammarValidRate"));
        assertRateAtLeast(CatalogEvaluation.rate(samples, CatalogEvaluation.Sample::contextValid), figure("contextValidRate"));
    }

    private static void assertRateAtLeast(double measured, double claimed) {
        assertThat(measured).isGreaterThanOrEqualTo(claimed - 3 * Math.sqrt(claimed * (1 - claimed) / SAMPLES) - 1e-9);
    }

    private double figure(String key) {
        return ((Number) manifest.evaluation().get(key)).doubleValue();
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }
}
