package io.genstream.models.gpt;

import java.util.ArrayList;
import java.util.List;

import io.genstream.models.gan.ParameterSpec;

/**
 * The sizes of a catalog-gpt network and its parameters.
 *
 * <p>Initial values follow GPT-2: normal(0, 0.02) for embeddings and weights, the two projections
 * that write into the residual stream scaled down by √(2·layers) so the stream's variance does not
 * grow with depth, zero biases. Layer norms learn {@code 1 + gain} with the gain starting at zero,
 * which is how a unit scale starts from {@link ParameterSpec}'s zero or normal initial values.
 *
 * @param vocabularySize characters, id 0 = the end of text
 * @param maxLength most positions a sequence may hold (learned position embeddings, KV cache rows)
 * @param dModel width of the residual stream; a multiple of {@code heads}
 * @param heads attention (query) heads per layer
 * @param kvHeads key/value heads per layer, dividing {@code heads}: each is shared by {@code heads / kvHeads} query
 *     heads (grouped-query attention; 1 is multi-query attention, {@code heads} is classic multi-head attention).
 *     Fewer key/value heads shrink the KV cache and, in a one-token step, the number of attention products per row,
 *     which is what a batched step's cost per row is made of at this size.
 * @param layers Transformer blocks
 * @param mlpWidth hidden width of each block's MLP
 */
public record GptArchitecture(int vocabularySize, int maxLength, int dModel, int heads, int kvHeads, int layers,
        int mlpWidth) {

    static final double INIT_STD = 0.02;

    public GptArchitecture {
        if (vocabularySize < 2 || maxLength < 2 || heads < 1 || dModel < heads || dModel % heads != 0
                || kvHeads < 1 || heads % kvHeads != 0 || layers < 1 || mlpWidth < 1) {
            throw new IllegalArgumentException("invalid GPT architecture: " + this);
        }
    }

    public int headDim() {
        return dModel / heads;
    }

    /** Query heads that share one key/value head. */
    public int groupSize() {
        return heads / kvHeads;
    }

    /** Width of one layer's keys (or values) for one position: {@code kvHeads × headDim}. */
    public int kvWidth() {
        return kvHeads * headDim();
    }

    /** Floats of the KV cache of one sequence: K and V of every layer, {@code maxLength × kvWidth} each. */
    public int stateSize() {
        return Math.multiplyExact(2 * layers, Math.multiplyExact(maxLength, kvWidth()));
    }

    /** Every trainable tensor, in a fixed order (the order of the training graph's variables). */
    public List<ParameterSpec> parameters() {
        double residualStd = INIT_STD / Math.sqrt(2.0 * layers);
        List<ParameterSpec> specs = new ArrayList<>();
        specs.add(new ParameterSpec(GptNames.TOKEN_EMBEDDING, shape(vocabularySize, dModel), INIT_STD));
        specs.add(new ParameterSpec(GptNames.POSITION_EMBEDDING, shape(maxLength, dModel), INIT_STD));
        for (int l = 0; l < layers; l++) {
            addLayerNorm(specs, GptNames.block(l, "ln1"));
            specs.add(new ParameterSpec(GptNames.block(l, "attention/qkv/kernel"), shape(dModel, dModel + 2 * kvWidth()), INIT_STD));
            specs.add(new ParameterSpec(GptNames.block(l, "attention/qkv/bias"), shape(dModel + 2 * kvWidth()), 0));
            specs.add(new ParameterSpec(GptNames.block(l, "attention/out/kernel"), shape(dModel, dModel), residualStd));
            specs.add(new ParameterSpec(GptNames.block(l, "attention/out/bias"), shape(dModel), 0));
            addLayerNorm(specs, GptNames.block(l, "ln2"));
            specs.add(new ParameterSpec(GptNames.block(l, "mlp/in/kernel"), shape(dModel, mlpWidth), INIT_STD));
            specs.add(new ParameterSpec(GptNames.block(l, "mlp/in/bias"), shape(mlpWidth), 0));
            specs.add(new ParameterSpec(GptNames.block(l, "mlp/out/kernel"), shape(mlpWidth, dModel), residualStd));
            specs.add(new ParameterSpec(GptNames.block(l, "mlp/out/bias"), shape(dModel), 0));
        }
        addLayerNorm(specs, GptNames.FINAL_NORM);
        specs.add(new ParameterSpec(GptNames.OUTPUT_BIAS, shape(vocabularySize), 0));
        return specs;
    }

    /** Trainable floats in total. */
    public long parameterCount() {
        return parameters().stream().mapToLong(ParameterSpec::size).sum();
    }

    private void addLayerNorm(List<ParameterSpec> specs, String prefix) {
        specs.add(new ParameterSpec(prefix + "/gain", shape(dModel), 0));
        specs.add(new ParameterSpec(prefix + "/bias", shape(dModel), 0));
    }

    private static long[] shape(long... dims) {
        return dims;
    }
}
