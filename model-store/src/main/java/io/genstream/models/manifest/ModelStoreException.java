package io.genstream.models.manifest;

/** Base of the typed errors of the model store: a model missing, damaged or badly described. */
public class ModelStoreException extends RuntimeException {

    public ModelStoreException(String message) {
        super(message);
    }

    public ModelStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
