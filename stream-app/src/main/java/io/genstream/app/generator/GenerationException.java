package io.genstream.app.generator;

/** The one checked exception at the model boundary: a batch could not be generated. */
public class GenerationException extends Exception {

    public GenerationException(String message, Throwable cause) {
        super(message, cause);
    }

    public GenerationException(String message) {
        super(message);
    }
}
