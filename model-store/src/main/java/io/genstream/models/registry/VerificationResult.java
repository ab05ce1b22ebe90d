package io.genstream.models.registry;

import java.util.Optional;

import io.genstream.models.manifest.ModelIntegrityException;

/** The outcome of verifying one model version's files against its manifest. */
public record VerificationResult(ModelVersion version, Optional<ModelIntegrityException> failure) {

    public boolean ok() {
        return failure.isEmpty();
    }
}
