package io.genstream.models.registry;

import java.util.Optional;

import io.genstream.models.manifest.ModelStoreException;

/** A model name, or a version of a known model, that the registry does not hold. */
public final class UnknownModelException extends ModelStoreException {

    private final String name;
    private final String version;

    public UnknownModelException(String name, String version, String message) {
        super(message);
        this.name = name;
        this.version = version;
    }

    public String name() {
        return name;
    }

    /** The version asked for; empty when the name itself is unknown. */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }
}
