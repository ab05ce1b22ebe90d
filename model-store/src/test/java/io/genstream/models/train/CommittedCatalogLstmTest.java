package io.genstream.models.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.genstream.models.manifest.ModelManifest;
import io.genstream.models.text.CatalogCorpus;
import io.genstream.models.text.CatalogEvaluation;
import io.genstream.models.text.CatalogExample;
import io.genstream.models.text.SavedModelTextModel;
import io.genstream.models.text.TokenSampler;

/** The committed {@code catalog-lstm/1}, reloaded, meets the figures in its manifest. */
class CommittedCatalogLstmTest {

    private static final Path DIR = Path.of("catalog-lstm", "1");

    private static ModelManifest manifest;
    private static SavedModelTextModel model;
    private static List<CatalogExample> heldOut;

    @BeforeAll
    static void load() {
        manifest = ModelManifest.read(DIR);
        manifest.verify(DIR);
        model = SavedModelTextModel.load(DIR, 2);
        long dataSeed = ((Number) manifest.training().get("dataSeed")).longValue();
        int heldOutSize = ((Number) manifest.evaluation().get("heldOutExamples")).intValue();
        heldOut = CatalogCorpus.generate(dataSeed + 1, heldOutSize);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /**
     * The same 1,000 held-out blurbs through the same exported graph: only the manifest's rounding
     * to 4 decimals and batch-size-dependent float rounding can differ, both far below 1e-3.
     */
    @Test
    void heldOutPerplexityIsTheManifests() {
        double perplexity = CatalogEvaluation.blurbPerplexity(model, heldOut, 100);
        assertThat(perplexity).isCloseTo(figure("heldOutPerplexity"), within(1e-3));
    }

    /**
     * The first 100 of the manifest's 300 samples (same contexts, same seeds). Sampling is exact
     * per row, but a last-bit difference in logits (another batch size here) can flip a draw that
     * sits on a boundary, and a subset's rate differs from the whole's: for rates between 0.25 and
     * 0.75 the binomial standard error of 100 draws is at most 5 points, and these 100 are a third
     * of the 300, so a shortfall of 0.1 would be a real loss of quality, not chance.
     */
    @Test
    void sampledBlurbsAreGrammarValidAtTheManifestsRate() {
        int n = 100;
        List<CatalogEvaluation.Sample> samples = CatalogEvaluation.sample(model, heldOut.subList(0, n),
                Collections.nCopies(n, ""), new TokenSampler((float) CatalogLstmEvaluator.TEMPERATURE, null, null),
                CatalogLstmEvaluator.SAMPLE_SEED, n);
        double grammarValid = CatalogEvaluation.rate(samples, CatalogEvaluation.Sample::grammarValid);
        double contextValid = CatalogEvaluation.rate(samples, CatalogEvaluation.Sample::contextValid);
        assertThat(grammarValid).isGreaterThanOrEqualTo(figure("grammarValidRate") - 0.1);
        assertThat(contextValid).isGreaterThanOrEqualTo(figure("contextValidRate") - 0.1);
    }

    private static double figure(String key) {
        return ((Number) manifest.evaluation().get(key)).doubleValue();
    }
}
