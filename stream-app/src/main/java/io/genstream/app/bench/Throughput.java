package io.genstream.app.bench;

import java.util.List;

/**
 * Completed outputs per second of one phase, over its steady part: the first {@link #WARM_UP}
 * of the outputs are left out (start-up, first rebalance, JIT); the rate is the outputs that
 * arrived after the warm-up's last burst, divided by the time from that burst to the last output.
 * Outputs arrive in bursts, one per committed transaction, so the window runs from burst to burst:
 * counting the opening burst too would overstate the rate by a commit's worth of outputs.
 *
 * <p>The rate over the last half of the outputs is kept too: well above the whole window's rate,
 * it says the phase was still warming up (JIT compilation, on a small machine, takes a good share
 * of the CPU for minutes) and a longer phase would measure more.
 *
 * @param samplesPerSecond outputs per second in the steady window
 * @param events events sent (one image each)
 * @param windowSeconds length of the steady window
 * @param phaseSeconds from the application's start to the last output
 * @param lastHalfSamplesPerSecond outputs per second over the last half of the outputs
 */
record Throughput(double samplesPerSecond, int events, double windowSeconds, double phaseSeconds,
        double lastHalfSamplesPerSecond) {

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
        long to = arrivalNanos.get(n - 1);
        long from = arrivalNanos.get((int) (n * WARM_UP));
        if (to == from) {
            throw new IllegalArgumentException("the steady part of the outputs arrived in one burst; send more events");
        }
        long half = arrivalNanos.get(n / 2);
        return new Throughput(rate(arrivalNanos, from), n, (to - from) / 1e9, (to - startNanos) / 1e9,
                half == to ? Double.NaN : rate(arrivalNanos, half));
    }

    /** Outputs that arrived after {@code from}, per second until the last one. */
    private static double rate(List<Long> arrivalNanos, long from) {
        int counted = 0;
        for (int i = arrivalNanos.size() - 1; i >= 0 && arrivalNanos.get(i) > from; i--) {
            counted++;
        }
        return counted / ((arrivalNanos.get(arrivalNanos.size() - 1) - from) / 1e9);
    }
}
