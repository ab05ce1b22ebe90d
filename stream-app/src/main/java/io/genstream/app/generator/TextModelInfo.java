package io.genstream.app.generator;

import io.genstream.models.manifest.InvalidManifestException;
import io.genstream.models.registry.ModelVersion;
import io.genstream.models.text.CharVocabulary;

/**
 * A served text model version's facts, from its manifest: its character vocabulary and how many
 * tokens (prompt and generated together) one sequence may hold.
 *
 * @param name model name
 * @param version model version
 * @param kind {@code char-lstm} or {@code gpt}
 * @param vocabulary the characters, id = index; id 0 ends a text
 * @param maxLength most tokens a sequence may hold
 * @param stateSize floats of per-sequence state (recurrent state or KV cache)
 */
public record TextModelInfo(String name, String version, String kind, CharVocabulary vocabulary, int maxLength,
        int stateSize) {

    public String id() {
        return name + "@" + version;
    }

    static TextModelInfo of(ModelVersion version) {
        Object chars = version.manifest().properties().get("vocabulary");
        if (!(chars instanceof String text) || text.isEmpty()) {
            throw new InvalidManifestException("manifest of " + version.id() + " has no vocabulary property");
        }
        int endToken = version.manifest().intProperty("endToken");
        if (endToken != CharVocabulary.END_ID) {
            throw new InvalidManifestException("manifest of " + version.id() + " says endToken " + endToken
                    + "; this service reads models whose end token is " + CharVocabulary.END_ID);
        }
        return new TextModelInfo(version.name(), version.version(), version.manifest().kind(), new CharVocabulary(text),
                version.manifest().intProperty("maxLength"), version.manifest().intProperty("stateSize"));
    }
}
