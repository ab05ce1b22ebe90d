package io.genstream.models.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Collects the strokes of one glyph, perturbing every control parameter a little so that no two
 * digits of a class share the same skeleton (the slant, scale and elastic warp come later, in
 * the renderer; this is the "hand wobble" of where each stroke starts, ends and bends).
 */
final class GlyphBuilder {

    /** Arc flattening step in radians: about 10 points per quarter turn, smooth at 28 px. */
    private static final double ARC_STEP = Math.PI / 20;

    private final SplittableRandom rng;
    private final double jitter;
    private final List<Polyline> strokes = new ArrayList<>();

    /**
     * @param jitter largest displacement of a control point, in glyph units (the glyph box is 1)
     */
    GlyphBuilder(SplittableRandom rng, double jitter) {
        this.rng = rng;
        this.jitter = jitter;
    }

    /** A straight polyline through the given points: {@code x0, y0, x1, y1, ...}. */
    GlyphBuilder line(double... xy) {
        if (xy.length < 4 || xy.length % 2 != 0) {
            throw new IllegalArgumentException("line needs pairs of coordinates, at least two points");
        }
        int n = xy.length / 2;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = xy[2 * i] + wobble(jitter);
            ys[i] = xy[2 * i + 1] + wobble(jitter);
        }
        strokes.add(new Polyline(xs, ys));
        return this;
    }

    /**
     * An elliptic arc around {@code (cx, cy)} with radii {@code rx, ry}, from {@code fromDeg} to
     * {@code toDeg} (0° = right, 90° = down, since y points down; either direction).
     */
    GlyphBuilder arc(double cx, double cy, double rx, double ry, double fromDeg, double toDeg) {
        double jcx = cx + wobble(jitter);
        double jcy = cy + wobble(jitter);
        double jrx = rx * (1 + wobble(0.12));
        double jry = ry * (1 + wobble(0.12));
        double from = Math.toRadians(fromDeg + wobble(12));
        double to = Math.toRadians(toDeg + wobble(12));
        int n = Math.max(2, (int) Math.ceil(Math.abs(to - from) / ARC_STEP) + 1);
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            double t = from + (to - from) * i / (n - 1);
            xs[i] = jcx + jrx * Math.cos(t);
            ys[i] = jcy + jry * Math.sin(t);
        }
        strokes.add(new Polyline(xs, ys));
        return this;
    }

    /** True with the given probability: picks a stroke variant (e.g. a 7 with a crossbar). */
    boolean chance(double probability) {
        return rng.nextDouble() < probability;
    }

    List<Polyline> build() {
        return List.copyOf(strokes);
    }

    private double wobble(double amplitude) {
        return (rng.nextDouble() * 2 - 1) * amplitude;
    }
}
