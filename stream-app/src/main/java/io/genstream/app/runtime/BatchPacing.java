package io.genstream.app.runtime;

/**
 * When a partial batch may run before its delay is up: once it holds as many items as the current load needs.
 *
 * <p>At an arrival rate λ, with {@code w} instances and calls of mean time {@code c}, batches of {@code b} items
 * keep the instances busy {@code λ·c / (b·w)} of the time. So the smallest batch that keeps them busy at most a
 * target share ρ is {@code λ·c / (ρ·w)} items. Under a light load that is one item, and a lone request runs at
 * once; under a heavy one it is more than the delay gathers, and batches wait the full delay, as without pacing.
 * Waiting longer than the load needs buys nothing; running smaller batches than it needs pushes the instances
 * towards saturation, where the tail grows (a small batch costs more per item).
 *
 * <p>λ is a count of offered items that decays with a time constant of {@value #RATE_WINDOW_NANOS} ns (so it
 * follows a change of load within about a second) divided by that constant; {@code c} is a moving average of the
 * recent calls' times. Until a call has been timed, one item is enough. Not thread-safe: {@link BatchQueue} calls
 * it under its lock.
 */
final class BatchPacing {

    /** The time constant of the arrival-rate estimate: one second. */
    static final long RATE_WINDOW_NANOS = 1_000_000_000L;
    /** The weight of the newest call in the mean call time. */
    static final double CALL_WEIGHT = 0.2;

    private final double targetBusy;
    private final int instances;
    /** Items offered, each decayed by {@code exp(-age / RATE_WINDOW_NANOS)}. */
    private double offered;
    private long lastNanos;
    /** Mean call time, ns; NaN until a call has been timed. */
    private double callNanos = Double.NaN;

    /**
     * @param targetBusy the share of time ρ the instances may be busy at most, in (0, 1]
     * @param instances the model instances the queue feeds
     * @param nowNanos {@link System#nanoTime()} now
     */
    BatchPacing(double targetBusy, int instances, long nowNanos) {
        if (!(targetBusy > 0 && targetBusy <= 1) || instances < 1) {
            throw new IllegalArgumentException("need 0 < targetBusy ≤ 1 and instances ≥ 1: " + targetBusy + ", "
                    + instances);
        }
        this.targetBusy = targetBusy;
        this.instances = instances;
        this.lastNanos = nowNanos;
    }

    /** {@code items} were offered at {@code nowNanos}. */
    void offered(int items, long nowNanos) {
        decay(nowNanos);
        offered += items;
    }

    /** A batch's call took {@code nanos}. */
    void called(long nanos) {
        callNanos = Double.isNaN(callNanos) ? nanos : callNanos + CALL_WEIGHT * (nanos - callNanos);
    }

    /** The arrival rate now, items per second. */
    double ratePerSecond(long nowNanos) {
        decay(nowNanos);
        return offered * 1e9 / RATE_WINDOW_NANOS;
    }

    /** The items a partial batch needs to run now: {@code ⌈λ·c / (ρ·w)⌉}, at least 1. */
    int itemsNeeded(long nowNanos) {
        if (Double.isNaN(callNanos)) {
            return 1;
        }
        double needed = ratePerSecond(nowNanos) * (callNanos / 1e9) / (targetBusy * instances);
        return needed >= Integer.MAX_VALUE ? Integer.MAX_VALUE : Math.max(1, (int) Math.ceil(needed));
    }

    private void decay(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            offered *= Math.exp(-(double) elapsed / RATE_WINDOW_NANOS);
            lastNanos = nowNanos;
        }
    }
}
