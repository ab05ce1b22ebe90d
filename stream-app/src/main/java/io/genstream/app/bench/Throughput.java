package io.genstream.app.bench;

import java.util.List;

/**
 * Completed outputs per second of one phase, over its steady part: the first {@link #WARM_UP}
 * of the outputs are left out (start-up, first rebalance, JIT); the rate is the outputs that
 * arrived after the warm-up's last burst, divided by the time from that burst to the last output.
 * Outputs arrive in bursts, one per committed transaction, so the window runs from burst to burst:
 * counting the opening burst too would overstate the rate by a commit's worth of outputs.
 *
 * @param samplesPerSecond outputs per second in the steady window
 * @param events events sent (one image each)
 * @param windowSeconds length of the steady window
 * @param phaseSeconds from the application's start to the last output
 */
record Throughput(double samplesPerSecond, int events, double windowSeconds, double phaseSeconds) {

    /** Share of the outputs counted as warm-up. */
    static final double WARM_UP = 0.1;

    /**
     * @param arrivalNanos when each output arrived ({@link System#nanoTime()}), in arrival order
     * @param startNanos when the application was started
     */
    static Throughput of(List<Long> arrivalNanos, long startNanos) {
        int n = arrivalNanos.size();
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 outputs to measure a rate, got " + n);
        }
        long from = arrivalNanos.get((int) (n * WARM_UP));
        long to = arrivalNanos.get(n - 1);
        if (to == from) {
            throw new IllegalArgumentException("the steady part of the outputs arrived in one burst; send more events");
        }
        int counted = 0;
        for (int i = n - 1; i >= 0 && arrivalNanos.get(i) > from; i--) {
            counted++;
        }
        double window = (to - from) / 1e9;
        return new Throughput(counted / window, n, window, (to - startNanos) / 1e9);
    }
}
