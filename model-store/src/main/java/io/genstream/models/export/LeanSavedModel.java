package io.genstream.models.export;

import java.io.IOException;
import java.nio.file.Path;

import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;

/**
 * Writes an inference session (its graph and variables) as a SavedModel with the given
 * signatures, serialised deterministically (see {@link InferenceSession#rewriteDeterministically}),
 * so that the same weights always give the same bytes.
 */
public final class LeanSavedModel {

    private LeanSavedModel() {}

    /** Writes {@code saved_model.pb} and {@code variables/} into {@code dir}. */
    public static void write(Session session, Path dir, Signature... signatures) throws IOException {
        SavedModelBundle.exporter(dir.toString()).withSession(session).withSignatures(signatures).export();
        InferenceSession.rewriteDeterministically(dir.resolve("saved_model.pb"));
    }
}
