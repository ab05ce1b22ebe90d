package io.genstream.app.runtime;

/** Why a generated sequence ended; the first three are the caller's verdict, through its {@link TokenChooser}. */
public enum FinishReason {

    /** The end-of-text token was chosen (it is the last of the generated tokens). */
    END,

    /** The request's token budget is spent. */
    MAX_TOKENS,

    /** A stop rule of the caller matched (a stop string, say); the caller trims what it must. */
    STOP,

    /** The sequence holds the model's {@link SequenceModel#maxLength()} tokens, prompt included. */
    MAX_LENGTH
}
