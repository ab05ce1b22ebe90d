package io.genstream.app.validation;

import java.util.Objects;

/**
 * Either an accepted value or the rejection of its input.
 *
 * @param <T> the accepted type
 */
public final class Validated<T> {

    private final T value;
    private final Rejection rejection;

    private Validated(T value, Rejection rejection) {
        this.value = value;
        this.rejection = rejection;
    }

    public static <T> Validated<T> accepted(T value) {
        return new Validated<>(Objects.requireNonNull(value), null);
    }

    public static <T> Validated<T> rejected(RejectionReason reason, String message) {
        return new Validated<>(null, new Rejection(reason, message));
    }

    public boolean isAccepted() {
        return rejection == null;
    }

    /** The accepted value; only when {@link #isAccepted()}. */
    public T value() {
        if (rejection != null) {
            throw new IllegalStateException("rejected: " + rejection);
        }
        return value;
    }

    /** The rejection; only when not {@link #isAccepted()}. */
    public Rejection rejection() {
        if (rejection == null) {
            throw new IllegalStateException("accepted");
        }
        return rejection;
    }

    @Override
    public String toString() {
        return isAccepted() ? "accepted(" + value + ")" : "rejected(" + rejection + ")";
    }
}
