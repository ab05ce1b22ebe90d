package io.genstream.app.topology;

import io.genstream.app.validation.Rejection;
import io.genstream.app.validation.RejectionReason;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Counts accepted requests per record key in tumbling windows of record time and refuses those
 * beyond the limit. The counts live in a changelogged window store, so under exactly-once a
 * restart or a replay decides exactly as before; the store keeps two windows, which bounds it.
 */
final class KeyRateLimiter {

    /** A null key is counted as this one key, so that leaving keys out does not escape the limit. */
    private static final Bytes NULL_KEY = Bytes.wrap(new byte[0]);

    private final RequestRateLimit limit;
    private final WindowStore<Bytes, Long> counts;

    KeyRateLimiter(RequestRateLimit limit, WindowStore<Bytes, Long> counts) {
        this.limit = limit;
        this.counts = counts;
    }

    /** The store a flow's limiter keeps its counts in. */
    static StoreBuilder<WindowStore<Bytes, Long>> store(String name, RequestRateLimit limit) {
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(name, limit.window().multipliedBy(2), limit.window(), false),
                Serdes.Bytes(), Serdes.Long());
    }

    /**
     * Counts one request of {@code key} at {@code timestamp}, or refuses it when its window is full
     * (a refused request is not counted). A record whose window the store no longer keeps (two
     * windows behind the stream's time) is refused too: otherwise an old timestamp would be a
     * way around the limit.
     *
     * @param streamTime the task's stream time (the largest record time it has seen)
     */
    Optional<Rejection> admit(byte[] key, long timestamp, long streamTime) {
        long windowMs = limit.window().toMillis();
        long windowStart = timestamp - Math.floorMod(timestamp, windowMs);
        if (windowStart + 2 * windowMs <= streamTime) {
            return Optional.of(new Rejection(RejectionReason.RATE_LIMITED, "record time " + timestamp
                    + " is more than two rate windows (" + windowMs + " ms each) behind the stream's time " + streamTime));
        }
        Bytes id = key == null ? NULL_KEY : Bytes.wrap(key);
        Long seen = counts.fetch(id, windowStart);
        long admitted = seen == null ? 0 : seen;
        if (admitted >= limit.perKey()) {
            return Optional.of(new Rejection(RejectionReason.RATE_LIMITED, "key has had " + admitted
                    + " requests in the " + windowMs + " ms window from " + windowStart + "; at most " + limit.perKey()));
        }
        counts.put(id, admitted + 1, windowStart);
        return Optional.empty();
    }
}
