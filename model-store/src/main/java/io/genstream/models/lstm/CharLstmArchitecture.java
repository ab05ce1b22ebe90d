package io.genstream.models.lstm;

import java.util.ArrayList;
import java.util.List;

import io.genstream.models.gan.ParameterSpec;

/**
 * The shape of a character-level LSTM: a one-hot input of {@code vocabularySize}, {@code layers}
 * stacked LSTM layers of {@code hidden} units, and a dense layer to the next-character logits.
 *
 * <p>Layer {@code l} has one kernel {@code [input + hidden, 4·hidden]} over its input concatenated
 * with its previous output, and one bias {@code [4·hidden]}; the gate blocks are, in order, input,
 * forget, candidate, output.
 */
public record CharLstmArchitecture(int vocabularySize, int hidden, int layers) {

    public CharLstmArchitecture {
        if (vocabularySize < 2 || hidden < 1 || layers < 1) {
            throw new IllegalArgumentException("invalid LSTM shape: " + vocabularySize + ", " + hidden + ", " + layers);
        }
    }

    /**
     * The recurrent state of one sequence, flattened: for each layer in order, its {@code h} then
     * its {@code c}, each {@code hidden} floats.
     */
    public int stateSize() {
        return 2 * layers * hidden;
    }

    public static String kernelName(int layer) {
        return "lstm/layer" + layer + "/kernel";
    }

    public static String biasName(int layer) {
        return "lstm/layer" + layer + "/bias";
    }

    public static final String OUTPUT_KERNEL = "lstm/output/kernel";
    public static final String OUTPUT_BIAS = "lstm/output/bias";

    /** Every trainable tensor, in declaration order: per layer kernel then bias, then the output layer. */
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> specs = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            long fanIn = (l == 0 ? vocabularySize : hidden) + (long) hidden;
            specs.add(new ParameterSpec(kernelName(l), new long[] {fanIn, 4L * hidden}, 1 / Math.sqrt(fanIn)));
            specs.add(new ParameterSpec(biasName(l), new long[] {4L * hidden}, 0));
        }
        specs.add(new ParameterSpec(OUTPUT_KERNEL, new long[] {hidden, vocabularySize}, 1 / Math.sqrt(hidden)));
        specs.add(new ParameterSpec(OUTPUT_BIAS, new long[] {vocabularySize}, 0));
        return specs;
    }

    /**
     * A parameter's starting values from {@code seed}: as {@link ParameterSpec#initialValues}, except
     * that the forget-gate biases start at 1, so that early in training the cells keep their memory.
     */
    public float[] initialValues(ParameterSpec spec, long seed) {
        float[] values = spec.initialValues(seed);
        if (spec.name().startsWith("lstm/layer") && spec.name().endsWith("/bias")) {
            for (int i = hidden; i < 2 * hidden; i++) {
                values[i] = 1f;
            }
        }
        return values;
    }

    public long parameterCount() {
        return parameters().stream().mapToLong(ParameterSpec::size).sum();
    }
}
