package io.genstream.models.train;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tensorflow.TensorFlow;

import io.genstream.models.lstm.CharLstmArchitecture;
import io.genstream.models.manifest.ModelManifest;
import io.genstream.models.text.CatalogCorpus;
import io.genstream.models.text.CharVocabulary;
import io.genstream.models.text.TextSignatures;

/** The manifest of a trained catalog-lstm version (without file digests; see {@link ModelManifest#withFilesOf}). */
final class CatalogLstmManifest {

    static final String KIND = "char-lstm";
    /** Positions a sequence may hold: the longest training sequence, which the exported prefill unrolls. */
    static final int MAX_LENGTH = CatalogCorpus.MAX_SEQUENCE_LENGTH;

    private CatalogLstmManifest() {}

    static ModelManifest create(String name, String version, TrainedCharLstm trained, Map<String, Object> evaluation) {
        CharLstmConfig config = trained.config();
        CharLstmArchitecture arch = config.architecture();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("vocabulary", CharVocabulary.catalog().chars());
        properties.put("endToken", CharVocabulary.END_ID);
        properties.put("maxLength", MAX_LENGTH);
        properties.put("stateSize", arch.stateSize());
        properties.put("layers", arch.layers());
        properties.put("hidden", arch.hidden());
        properties.put("vocabularySize", arch.vocabularySize());
        properties.put("stateLayout", "per layer, first to last: h then c, " + arch.hidden() + " floats each");
        properties.put("input", "ContextPrefix.format(context) + prompt, e.g. s=runners|c=footwear|i=trail shoe|f=light,grippy>");
        properties.put("architecture", arch.layers() + "-layer LSTM, " + arch.hidden() + " units, one-hot input, dense output; "
                + "prefill unrolls maxLength steps, step ignores position");
        properties.put("parameters", arch.parameterCount());

        Map<String, Object> training = new LinkedHashMap<>();
        training.put("trainer", CharLstmTrainer.class.getName());
        training.put("config", config);
        training.put("dataSet", "catalog");
        training.put("dataSeed", config.dataSeed());
        training.put("dataSize", config.dataSize());
        training.put("dataSha256", trained.dataSha256());
        training.put("heldOutDataSeed", config.dataSeed() + 1);
        training.put("steps", config.steps());
        training.put("wallSeconds", Math.round(trained.wallSeconds() * 10) / 10.0);
        training.put("finalLoss", trained.finalLoss());
        training.put("losses", trained.losses());
        training.put("lossesColumns", List.of("step", "meanLoss", "seconds"));
        training.put("tensorflowVersion", TensorFlow.version());
        training.put("machineCores", Runtime.getRuntime().availableProcessors());
        training.put("javaVersion", System.getProperty("java.version"));
        training.put("trainedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());

        return new ModelManifest(name, version, KIND, ModelManifest.FORMAT_SAVED_MODEL,
                TextSignatures.describe(arch.vocabularySize(), arch.stateSize()), properties, Map.of(), training, evaluation);
    }
}
