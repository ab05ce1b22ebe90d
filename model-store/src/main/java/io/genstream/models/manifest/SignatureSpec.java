package io.genstream.models.manifest;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** One serving signature: its input and output tensors by key. Keys are kept sorted. */
public record SignatureSpec(Map<String, TensorSpec> inputs, Map<String, TensorSpec> outputs) {

    public SignatureSpec {
        if (inputs == null || outputs == null || outputs.isEmpty()) {
            throw new InvalidManifestException("a signature needs inputs and at least one output");
        }
        inputs = Collections.unmodifiableMap(new TreeMap<>(inputs));
        outputs = Collections.unmodifiableMap(new TreeMap<>(outputs));
    }
}
