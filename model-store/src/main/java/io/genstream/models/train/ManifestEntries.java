package io.genstream.models.train;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.tensorflow.TensorFlow;

/** Manifest entries every trained model records the same way. */
final class ManifestEntries {

    private ManifestEntries() {}

    /** Where and when it was trained: TF and Java versions, cores, time (to the second). */
    static void putEnvironment(Map<String, Object> training) {
        training.put("tensorflowVersion", TensorFlow.version());
        training.put("machineCores", Runtime.getRuntime().availableProcessors());
        training.put("javaVersion", System.getProperty("java.version"));
        training.put("trainedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** The evaluation figures with every double rounded by {@link #round}. */
    static Map<String, Object> rounded(Map<String, Object> evaluation) {
        Map<String, Object> figures = new LinkedHashMap<>();
        evaluation.forEach((k, v) -> figures.put(k, v instanceof Double d ? round(d) : v));
        return figures;
    }

    /** Six decimals: enough for every figure, and a manifest that reads well. */
    static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
