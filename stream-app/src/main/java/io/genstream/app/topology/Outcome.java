package io.genstream.app.topology;

import io.genstream.avro.RejectedEvent;
import java.util.Objects;

/**
 * What a topology stage passes on: a value, or the dead-letter record of an input it rejected.
 * An accepted value keeps the input's original bytes, so a later stage can still reject it with
 * the bytes the producer sent.
 *
 * @param <T> the value type
 */
public final class Outcome<T> {

    private final T value;
    private final byte[] input;
    private final RejectedEvent rejection;

    private Outcome(T value, byte[] input, RejectedEvent rejection) {
        this.value = value;
        this.input = input;
        this.rejection = rejection;
    }

    public static <T> Outcome<T> accepted(T value, byte[] input) {
        return new Outcome<>(Objects.requireNonNull(value), input, null);
    }

    public static <T> Outcome<T> rejected(RejectedEvent rejection) {
        return new Outcome<>(null, null, Objects.requireNonNull(rejection));
    }

    public boolean isRejected() {
        return rejection != null;
    }

    public T value() {
        if (rejection != null) {
            throw new IllegalStateException("rejected: " + rejection.getReason());
        }
        return value;
    }

    /** The input's value bytes as received. */
    public byte[] input() {
        return input;
    }

    public RejectedEvent rejection() {
        if (rejection == null) {
            throw new IllegalStateException("not rejected");
        }
        return rejection;
    }
}
