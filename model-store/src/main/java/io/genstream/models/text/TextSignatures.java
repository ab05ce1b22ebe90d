package io.genstream.models.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.genstream.models.manifest.SignatureSpec;
import io.genstream.models.manifest.TensorSpec;

/**
 * The serving contract of the character-level text models ({@code catalog-lstm}, {@code catalog-gpt}).
 *
 * <ul>
 *   <li>{@code prefill}: {@code tokens} int32 [-1, -1] (right-padded with 0), {@code length} int32 [-1]
 *       (&ge; 1) → {@code logits} float32 [-1, V] (after each row's last real token), {@code state}
 *       float32 [-1, S];
 *   <li>{@code step}: {@code token} int32 [-1], {@code position} int32 [-1] (tokens already in the
 *       state), {@code state} float32 [-1, S] → {@code logits} float32 [-1, V], {@code state} float32 [-1, S].
 * </ul>
 * A model may hold its state in several tensors instead, {@code state_0 … state_{n−1}}, each with the
 * rows first (catalog-gpt from version 2: its KV cache, one tensor per layer's keys and values); step
 * then takes and returns all of them under those names.
 * Every row is computed from that row alone.
 */
public final class TextSignatures {

    public static final String PREFILL = "prefill";
    public static final String STEP = "step";
    public static final String TOKENS = "tokens";
    public static final String LENGTH = "length";
    public static final String TOKEN = "token";
    public static final String POSITION = "position";
    public static final String STATE = "state";
    public static final String LOGITS = "logits";

    private TextSignatures() {}

    /** The name of state tensor {@code i} of a model whose state is held in several tensors. */
    public static String state(int i) {
        return STATE + "_" + i;
    }

    /** Whether a signature tensor named {@code key} is (part of) the state. */
    public static boolean isState(String key) {
        return key.equals(STATE) || key.startsWith(STATE + "_");
    }

    /** The contract as manifest entries, for {@code model.json}: one state tensor {@code [-1, stateSize]}. */
    public static Map<String, SignatureSpec> describe(int vocabularySize, int stateSize) {
        return describe(vocabularySize, Map.of(STATE, new TensorSpec("float32", List.of(-1L, (long) stateSize))));
    }

    /**
     * The contract for a state held in {@code tensors} tensors {@code state_0 … state_{n−1}}, each of
     * shape {@code [-1, rowShape…]}: step takes them under the same names as prefill returns them.
     */
    public static Map<String, SignatureSpec> describe(int vocabularySize, int tensors, List<Long> rowShape) {
        return describe(vocabularySize, tensors, rowShape, rowShape);
    }

    /**
     * As {@link #describe(int, int, List)}, with step taking and returning the state tensors in {@code stepRowShape}:
     * where it has {@code -1} and {@code prefillRowShape} a size, step takes any size up to that one (catalog-gpt
     * from version 5: a KV cache of any length that holds the positions written).
     */
    public static Map<String, SignatureSpec> describe(int vocabularySize, int tensors, List<Long> prefillRowShape,
            List<Long> stepRowShape) {
        return describe(vocabularySize, states(tensors, prefillRowShape), states(tensors, stepRowShape));
    }

    private static Map<String, TensorSpec> states(int tensors, List<Long> rowShape) {
        List<Long> shape = new ArrayList<>();
        shape.add(-1L);
        shape.addAll(rowShape);
        Map<String, TensorSpec> states = new LinkedHashMap<>();
        for (int i = 0; i < tensors; i++) {
            states.put(state(i), new TensorSpec("float32", shape));
        }
        return states;
    }

    private static Map<String, SignatureSpec> describe(int vocabularySize, Map<String, TensorSpec> states) {
        return describe(vocabularySize, states, states);
    }

    private static Map<String, SignatureSpec> describe(int vocabularySize, Map<String, TensorSpec> prefillStates,
            Map<String, TensorSpec> stepStates) {
        TensorSpec rows = new TensorSpec("int32", List.of(-1L));
        TensorSpec logits = new TensorSpec("float32", List.of(-1L, (long) vocabularySize));
        Map<String, TensorSpec> prefillOut = new LinkedHashMap<>(Map.of(LOGITS, logits));
        prefillOut.putAll(prefillStates);
        Map<String, TensorSpec> stepIn = new LinkedHashMap<>(Map.of(TOKEN, rows, POSITION, rows));
        stepIn.putAll(stepStates);
        Map<String, TensorSpec> stepOut = new LinkedHashMap<>(Map.of(LOGITS, logits));
        stepOut.putAll(stepStates);
        return Map.of(
                PREFILL, new SignatureSpec(Map.of(TOKENS, new TensorSpec("int32", List.of(-1L, -1L)), LENGTH, rows),
                        prefillOut),
                STEP, new SignatureSpec(stepIn, stepOut));
    }
}
