package io.genstream.models.gpt;

import java.util.List;
import java.util.Map;

import io.genstream.models.manifest.SignatureSpec;
import io.genstream.models.manifest.TensorSpec;

/**
 * The serving contract of a catalog-gpt SavedModel (the text contract shared with catalog-lstm):
 *
 * <ul>
 *   <li>{@code prefill}: {@code tokens} int32 [-1, -1] (right-padded with 0), {@code length} int32
 *       [-1] (≥ 1) → {@code logits} float32 [-1, V] after each row's last real token,
 *       {@code state} float32 [-1, S] (its KV cache);
 *   <li>{@code step}: {@code token} int32 [-1], {@code position} int32 [-1] (tokens already in the
 *       state), {@code state} float32 [-1, S] → {@code logits} float32 [-1, V], {@code state}
 *       float32 [-1, S].
 * </ul>
 * {@code S = 2 · layers · maxLength · dModel}; the layout is {@link GptNetwork}'s.
 */
public final class GptSignatures {

    public static final String PREFILL = "prefill";
    public static final String STEP = "step";
    public static final String TOKENS = "tokens";
    public static final String LENGTH = "length";
    public static final String TOKEN = "token";
    public static final String POSITION = "position";
    public static final String STATE = "state";
    public static final String LOGITS = "logits";

    private GptSignatures() {}

    /** The contract as manifest entries, for {@code model.json}. */
    public static Map<String, SignatureSpec> describe(GptArchitecture arch) {
        TensorSpec rows = new TensorSpec("int32", List.of(-1L));
        TensorSpec state = new TensorSpec("float32", List.of(-1L, (long) arch.stateSize()));
        Map<String, TensorSpec> outputs = Map.of(
                LOGITS, new TensorSpec("float32", List.of(-1L, (long) arch.vocabularySize())), STATE, state);
        return Map.of(
                PREFILL, new SignatureSpec(Map.of(TOKENS, new TensorSpec("int32", List.of(-1L, -1L)), LENGTH, rows), outputs),
                STEP, new SignatureSpec(Map.of(TOKEN, rows, POSITION, rows, STATE, state), outputs));
    }
}
