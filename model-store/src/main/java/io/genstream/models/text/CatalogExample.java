package io.genstream.models.text;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One {@code catalog} example: the context a blurb was written for, and the blurb. */
public record CatalogExample(Map<String, String> context, String blurb) {

    public CatalogExample {
        context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }

    /** What a model is trained on: {@code ContextPrefix.format(context) + blurb + "\n"}. */
    public String trainingText() {
        return ContextPrefix.format(context) + blurb + CharVocabulary.END_CHAR;
    }
}
