package io.genstream.models.text;

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

    /** The contract as manifest entries, for {@code model.json}. */
    public static Map<String, SignatureSpec> describe(int vocabularySize, int stateSize) {
        TensorSpec rows = new TensorSpec("int32", List.of(-1L));
        TensorSpec logits = new TensorSpec("float32", List.of(-1L, (long) vocabularySize));
        TensorSpec state = new TensorSpec("float32", List.of(-1L, (long) stateSize));
        return Map.of(
                PREFILL, new SignatureSpec(
                        Map.of(TOKENS, new TensorSpec("int32", List.of(-1L, -1L)), LENGTH, rows),
                        Map.of(LOGITS, logits, STATE, state)),
                STEP, new SignatureSpec(
                        Map.of(TOKEN, rows, POSITION, rows, STATE, state),
                        Map.of(LOGITS, logits, STATE, state)));
    }
}
