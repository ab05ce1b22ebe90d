package io.genstream.models.train;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.tensorflow.TensorFlow;

import io.genstream.models.data.DigitsDataset;

/**
 * The parts of a digits model's {@code model.json} that every kind shares: the image facts the
 * serving code reads, how the data and the run are described, and figures rounded for reading.
 */
final class ManifestSections {

    private ManifestSections() {}

    /** {@code properties}: latent size, classes, image size and range, and how a seed becomes z. */
    static Map<String, Object> imageProperties(int latentDim, String architecture) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("latentDim", latentDim);
        properties.putAll(imageFormat());
        properties.put("noise", "z = new java.util.Random(seed).nextGaussian() x latentDim (io.genstream.models.gan.LatentNoise)");
        properties.put("architecture", architecture);
        return properties;
    }

    /** Classes, image size and range: what every model that draws or reads digits declares. */
    static Map<String, Object> imageFormat() {
        Map<String, Object> format = new LinkedHashMap<>();
        format.put("numClasses", DigitsDataset.NUM_CLASSES);
        format.put("imageWidth", DigitsDataset.IMAGE_SIZE);
        format.put("imageHeight", DigitsDataset.IMAGE_SIZE);
        format.put("imageRange", "0 = black background, 1 = white stroke");
        return format;
    }

    /** The head of {@code training}: trainer, config, data set and seeds, steps and time. */
    static Map<String, Object> training(Class<?> trainer, Object config, long dataSeed, int dataSize, String dataSha256,
            int steps, double wallSeconds) {
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("trainer", trainer.getName());
        training.put("config", config);
        training.put("dataSet", "digits");
        training.put("dataSeed", dataSeed);
        training.put("dataSize", dataSize);
        training.put("dataSha256", dataSha256);
        training.put("heldOutDataSeed", dataSeed + 1);
        training.put("steps", steps);
        training.put("wallSeconds", round(wallSeconds));
        return training;
    }

    /** Appends what the run ran on, and when. */
    static void addEnvironment(Map<String, Object> training) {
        training.put("tensorflowVersion", TensorFlow.version());
        training.put("machineCores", Runtime.getRuntime().availableProcessors());
        training.put("javaVersion", System.getProperty("java.version"));
        training.put("trainedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** {@code evaluation}: the figures with doubles rounded to 6 decimals. */
    static Map<String, Object> figures(Map<String, Object> evaluation) {
        Map<String, Object> figures = new LinkedHashMap<>();
        evaluation.forEach((k, v) -> figures.put(k, v instanceof Double d ? round(d) : v));
        return figures;
    }

    static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
