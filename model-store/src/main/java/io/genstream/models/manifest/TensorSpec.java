package io.genstream.models.manifest;

import java.util.List;

/**
 * One tensor of a signature: TF dtype name ({@code float32}, {@code int32}, ...) and shape, with
 * -1 for a dimension of any size (the batch).
 */
public record TensorSpec(String dtype, List<Long> shape) {

    public TensorSpec {
        if (dtype == null || dtype.isBlank() || shape == null) {
            throw new InvalidManifestException("a tensor needs a dtype and a shape");
        }
        shape = List.copyOf(shape);
    }
}
