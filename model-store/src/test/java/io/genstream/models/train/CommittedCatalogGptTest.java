package io.genstream.models.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.genstream.models.gpt.GptArchitecture;
import io.genstream.models.gpt.GptEvaluator;
import io.genstream.models.gpt.GptSavedModel;
import io.genstream.models.manifest.ModelManifest;
import io.genstream.models.text.CatalogCorpus;
import io.genstream.models.text.CatalogExample;
import io.genstream.models.text.CharVocabulary;

/**
 * The committed {@code catalog-gpt/1}, reloaded from its SavedModel, still meets the figures its
 * manifest claims, recomputed on a subset: a drifted export, a changed vocabulary or prefix
 * format, or a broken cache would show here.
 */
class CommittedCatalogGptTest {

    private static final Path MODEL_DIR = Path.of("catalog-gpt", "1");
    private static final int PERPLEXITY_EXAMPLES = 100;
    private static final int SAMPLES = 60;

    private static ModelManifest manifest;
    private static GptSavedModel model;
    private static GptEvaluator evaluator;
    private static List<CatalogExample> heldOut;

    @BeforeAll
    static void load() {
        manifest = ModelManifest.read(MODEL_DIR);
        manifest.verify(MODEL_DIR);
        GptArchitecture arch = new GptArchitecture(vocabulary().size(),
                manifest.intProperty("maxLength"), manifest.intProperty("dModel"), manifest.intProperty("heads"),
                manifest.intProperty("layers"), manifest.intProperty("mlpWidth"));
        model = GptSavedModel.load(MODEL_DIR, 2);
        evaluator = new GptEvaluator(model, arch, vocabulary());
        long heldOutSeed = ((Number) manifest.training().get("heldOutDataSeed")).longValue();
        heldOut = CatalogCorpus.generate(heldOutSeed, PERPLEXITY_EXAMPLES);
    }

    private static CharVocabulary vocabulary() {
        return new CharVocabulary((String) manifest.properties().get("vocabulary"));
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    @Test
    void itsPropertiesDescribeTheServingContract() {
        assertThat(manifest.kind()).isEqualTo("gpt");
        assertThat(manifest.properties().get("vocabulary")).isEqualTo(CharVocabulary.catalog().chars());
        assertThat(manifest.intProperty("endToken")).isZero();
        assertThat(manifest.intProperty("stateSize")).isEqualTo(
                2 * manifest.intProperty("layers") * manifest.intProperty("maxLength") * manifest.intProperty("dModel"))
                .isLessThanOrEqualTo(65_536);
        assertThat(manifest.intProperty("maxLength")).isGreaterThanOrEqualTo(CatalogCorpus.MAX_SEQUENCE_LENGTH - 1);
    }

    /**
     * Perplexity of the first {@value #PERPLEXITY_EXAMPLES} held-out blurbs against the manifest's
     * figure over all of them: the subset's per-character log-perplexity is a ratio estimate whose
     * standard error is computed from the subset itself; 4 standard errors leave a chance of a
     * false alarm below 1e-4, while a broken model (log-perplexity off by far more) fails.
     */
    @Test
    void heldOutPerplexityOnASubsetAgreesWithTheManifest() {
        GptEvaluator.Likelihood likelihood = evaluator.likelihood(heldOut);
        double[] nll = likelihood.nll();
        int[] chars = likelihood.characters();
        double logPerplexity = Math.log(likelihood.perplexity());
        double meanChars = 0;
        for (int c : chars) {
            meanChars += c;
        }
        meanChars /= chars.length;
        double variance = 0;
        for (int i = 0; i < nll.length; i++) {
            double residual = nll[i] - logPerplexity * chars[i];
            variance += residual * residual / (nll.length - 1);
        }
        double standardError = Math.sqrt(variance / nll.length) / meanChars;
        double claimed = Math.log(((Number) manifest.evaluation().get("heldOutPerplexity")).doubleValue());
        assertThat(Math.abs(logPerplexity - claimed)).isLessThanOrEqualTo(4 * standardError + 1e-4);
    }

    /**
     * The first {@value #SAMPLES} of the manifest's samples (same contexts, same seeds, so mostly
     * the very same texts): each rate must be within 3 binomial standard deviations below the
     * claimed one (a float difference in the last bits could flip a draw; a broken model fails).
     */
    @Test
    void samplesAtTheManifestsTemperatureAreAsOftenGrammarValid() {
        List<GptEvaluator.Sample> samples = evaluator.sample(heldOut.subList(0, SAMPLES),
                Collections.nCopies(SAMPLES, ""), CatalogGptCommand.SAMPLE_TEMPERATURE, CatalogGptCommand.SAMPLE_SEED);
        Map<String, Object> claimed = manifest.evaluation();
        assertRateAtLeast(GptEvaluator.rate(samples, true), ((Number) claimed.get("grammarValidRate")).doubleValue());
        assertRateAtLeast(GptEvaluator.rate(samples, false), ((Number) claimed.get("contextConsistentRate")).doubleValue());
    }

    private static void assertRateAtLeast(double measured, double claimed) {
        double sd = Math.sqrt(claimed * (1 - claimed) / SAMPLES);
        assertThat(measured).isGreaterThanOrEqualTo(claimed - 3 * sd - 1e-9);
    }
}
