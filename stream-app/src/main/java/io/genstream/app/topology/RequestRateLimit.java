package io.genstream.app.topology;

import java.time.Duration;

/**
 * How many requests one record key may have accepted per tumbling window of record time.
 *
 * @param perKey most accepted requests per key and window; 0 turns the limit off
 * @param window the window length (record timestamps, so a replay decides the same way)
 */
public record RequestRateLimit(int perKey, Duration window) {

    public RequestRateLimit {
        if (perKey < 0) {
            throw new IllegalArgumentException("the per-key rate limit must be ≥ 0 (0 = off), not " + perKey);
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("the rate limit window must be at least 1 ms, not " + window);
        }
    }

    /** No limit. */
    public static RequestRateLimit off() {
        return new RequestRateLimit(0, Duration.ofSeconds(1));
    }

    public boolean enabled() {
        return perKey > 0;
    }
}
