package io.genstream.models.data;

/**
 * One pen stroke as a polyline in glyph space: {@code x} and {@code y} in [0, 1], y pointing
 * down, the digit filling the unit box. Arcs are stored already flattened into short segments.
 */
record Polyline(double[] xs, double[] ys) {

    Polyline {
        if (xs.length != ys.length || xs.length < 2) {
            throw new IllegalArgumentException("a polyline needs at least two points");
        }
    }

    int size() {
        return xs.length;
    }
}
