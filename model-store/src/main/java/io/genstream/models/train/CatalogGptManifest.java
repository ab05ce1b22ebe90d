package io.genstream.models.train;

import static io.genstream.models.train.ManifestSections.round;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.genstream.models.gpt.GptArchitecture;
import io.genstream.models.gpt.GptConfig;
import io.genstream.models.gpt.GptTrainer;
import io.genstream.models.gpt.TrainedGpt;
import io.genstream.models.manifest.ModelManifest;
import io.genstream.models.text.CharVocabulary;
import io.genstream.models.text.ContextPrefix;
import io.genstream.models.text.TextSignatures;

/** The manifest of a trained catalog-gpt version (without file digests; see {@link ModelManifest#withFilesOf}). */
final class CatalogGptManifest {

    static final String KIND = "gpt";

    private CatalogGptManifest() {}

    static ModelManifest create(String name, String version, TrainedGpt trained, CharVocabulary vocabulary,
            List<int[]> sequences, Map<String, Object> evaluation) {
        GptConfig config = trained.config();
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("trainer", GptTrainer.class.getName());
        training.put("config", config);
        training.put("dataSet", "catalog");
        training.put("dataSeed", config.dataSeed());
        training.put("dataSize", config.dataSize());
        training.put("dataSha256", sha256(sequences));
        training.put("heldOutDataSeed", config.dataSeed() + 1);
        training.put("loss", "mean cross-entropy of blurb characters and end token (context prefix given, not predicted)");
        training.put("steps", config.steps());
        training.put("wallSeconds", round(trained.wallSeconds()));
        training.put("finalLoss", round(trained.finalLoss().loss()));
        training.put("losses", trained.losses().stream()
                .map(r -> List.of(r.step(), round(r.loss()), r.learningRate(), round(r.seconds()))).toList());
        training.put("lossesColumns", List.of("step", "loss", "learningRate", "seconds"));
        ManifestSections.addEnvironment(training);
        return create(name, version, trained.architecture(), vocabulary, training, evaluation);
    }

    /** The manifest of an export of {@code arch} whose training is described by {@code training}. */
    static ModelManifest create(String name, String version, GptArchitecture arch, CharVocabulary vocabulary,
            Map<String, Object> training, Map<String, Object> evaluation) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("vocabulary", vocabulary.chars());
        properties.put("endToken", CharVocabulary.END_ID);
        properties.put("maxLength", arch.maxLength());
        properties.put("stateSize", arch.stateSize());
        properties.put("layers", arch.layers());
        properties.put("dModel", arch.dModel());
        properties.put("heads", arch.heads());
        properties.put("kvHeads", arch.kvHeads());
        properties.put("mlpWidth", arch.mlpWidth());
        properties.put("parameters", arch.parameterCount());
        properties.put("input", "ContextPrefix.format(context) + prompt, e.g. \"s=runners|c=footwear|i=trail shoe|f=light>\"; "
                + "generation ends at the end token; the prefix is at most " + ContextPrefix.MAX_LENGTH + " characters");
        properties.put("stateTensors", 2 * arch.layers());
        properties.put("stateLayout", "state_0 .. state_" + (2 * arch.layers() - 1) + " = K0, V0, K1, V1, ...: each "
                + "[rows, kvHeads, T, headDim], T = maxLength from prefill; step takes any T up to maxLength that holds "
                + "the positions it writes, and attends over all T (key/value head g's channel j is channel g * headDim + j of the "
                + "layer's keys or values; query head h reads key/value head h / (heads / kvHeads)); "
                + "positions not yet written are zero");
        properties.put("stateUpdate", "in place: step writes each row's new keys and values into the state tensors it is "
                + "fed and returns those tensors, so a state tensor must not be fed twice");
        properties.put("architecture", "decoder-only Transformer: token + learned position embeddings, pre-LayerNorm blocks "
                + "(causal self-attention, query heads grouped over shared key/value heads, GELU MLP), final LayerNorm, output projection tied to the token embedding");

        Map<String, Object> figures = ManifestSections.figures(evaluation);

        return new ModelManifest(name, version, KIND, ModelManifest.FORMAT_SAVED_MODEL, TextSignatures.describe(arch.vocabularySize(), 2 * arch.layers(),
                List.of((long) arch.kvHeads(), (long) arch.maxLength(), (long) arch.headDim()),
                List.of((long) arch.kvHeads(), -1L, (long) arch.headDim())),
                properties, Map.of(), training, figures);
    }

    /** Fingerprint of the encoded training sequences, in order. */
    private static String sha256(List<int[]> sequences) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (int[] sequence : sequences) {
                for (int id : sequence) {
                    digest.update((byte) id);
                }
                digest.update((byte) -1);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
