package io.genstream.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Waits on a batcher's futures with a bound far above any real latency, so a hang fails instead of blocking. */
final class Futures {

    private static final long WAIT_SECONDS = 5;

    private Futures() {}

    /** The future's value; fails the test if it fails or does not complete in time. */
    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Why the future failed; fails the test if it succeeds or does not complete in time. */
    static Throwable awaitFailure(CompletableFuture<?> future) throws Exception {
        try {
            Object value = future.get(WAIT_SECONDS, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure but got " + value);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isNotNull();
            return e.getCause();
        }
    }
}
