package io.genstream.app.routing;

import io.genstream.avro.ModelRoute;
import io.genstream.avro.RouteEntry;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Picks the version of a routed request by weight, deterministically from its requestId: the id is
 * hashed to a point in [0,1) and the version whose share of the cumulative weights holds that point
 * serves it. A replay of the request (after a crash) picks the same version as long as the route is
 * the same, and a given share of requestIds goes to each version.
 */
public final class RouteChooser {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private RouteChooser() {}

    /** The requestId's point in [0,1): FNV-1a over its UTF-8 bytes, mixed (SplitMix64's finaliser), top 53 bits. */
    public static double point(String requestId) {
        long hash = FNV_OFFSET;
        for (byte b : requestId.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * FNV_PRIME;
        }
        hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
        hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
        hash ^= hash >>> 31;
        return (hash >>> 11) * 0x1.0p-53;
    }

    /** The version holding {@code point} in the route's cumulative weights; empty when no weight is positive. */
    public static Optional<String> version(ModelRoute route, double point) {
        double total = route.getRoutes().stream().mapToDouble(e -> Math.max(0, e.getWeight())).sum();
        if (!(total > 0)) {
            return Optional.empty();
        }
        double target = point * total;
        double cumulative = 0;
        String last = null;
        for (RouteEntry entry : route.getRoutes()) {
            if (entry.getWeight() > 0) {
                cumulative += entry.getWeight();
                last = entry.getVersion();
                if (target < cumulative) {
                    return Optional.of(last);
                }
            }
        }
        return Optional.ofNullable(last); // rounding at the very top of the range
    }
}
