package io.genstream.models.manifest;

/** A {@code model.json} that is missing, is not valid JSON, or lacks a required field. */
public final class InvalidManifestException extends ModelStoreException {

    public InvalidManifestException(String message) {
        super(message);
    }

    public InvalidManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
