package io.genstream.models.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The stroke skeletons of the ten digits, in a unit box (x right, y down), with the common
 * handwritten variants (a 1 with or without flag and foot, a crossed 7, an open or closed 4, a
 * straight or curved tail on the 9). Coordinates were tuned by eye against rendered sheets.
 */
final class DigitGlyphs {

    static final int NUM_CLASSES = 10;

    private DigitGlyphs() {}

    /** The strokes of one randomly perturbed {@code digit}. */
    static List<Polyline> strokes(int digit, SplittableRandom rng, double jitter) {
        GlyphBuilder g = new GlyphBuilder(rng, jitter);
        switch (digit) {
            case 0 -> g.arc(0.5, 0.5, 0.42, 0.5, -90, 275);
            case 1 -> {
                g.line(0.52, 0.0, 0.5, 1.0);
                if (g.chance(0.6)) {
                    g.line(0.25, 0.22, 0.52, 0.0);
                }
                if (g.chance(0.3)) {
                    g.line(0.25, 1.0, 0.78, 1.0);
                }
            }
            case 2 -> {
                g.arc(0.5, 0.3, 0.4, 0.3, 195, 385);
                g.line(0.87, 0.42, 0.06, 1.0, 0.95, 1.0);
            }
            case 3 -> {
                g.arc(0.48, 0.26, 0.38, 0.26, 205, 450);
                g.arc(0.48, 0.74, 0.44, 0.26, -90, 160);
            }
            case 4 -> {
                if (g.chance(0.5)) {
                    g.line(0.66, 0.0, 0.04, 0.68, 0.96, 0.68);
                    g.line(0.68, 0.0, 0.68, 1.0);
                } else {
                    g.line(0.18, 0.0, 0.08, 0.6, 0.92, 0.6);
                    g.line(0.72, 0.18, 0.7, 1.0);
                }
            }
            case 5 -> {
                g.line(0.88, 0.0, 0.22, 0.0, 0.16, 0.45);
                g.arc(0.5, 0.68, 0.4, 0.32, 215, 510);
            }
            case 6 -> {
                g.arc(0.8, 0.66, 0.68, 0.66, 245, 175);
                g.arc(0.5, 0.72, 0.38, 0.28, 180, 540);
            }
            case 7 -> {
                g.line(0.04, 0.0, 0.96, 0.0, 0.38, 1.0);
                if (g.chance(0.25)) {
                    g.line(0.35, 0.52, 0.85, 0.52);
                }
            }
            case 8 -> {
                g.arc(0.5, 0.25, 0.34, 0.25, 0, 360);
                g.arc(0.5, 0.73, 0.42, 0.27, -90, 270);
            }
            case 9 -> {
                g.arc(0.48, 0.3, 0.4, 0.3, 0, 360);
                if (g.chance(0.5)) {
                    g.line(0.88, 0.3, 0.78, 1.0);
                } else {
                    g.arc(0.2, 0.3, 0.68, 0.7, 0, 95);
                }
            }
            default -> throw new IllegalArgumentException("digit must be 0..9, was " + digit);
        }
        return g.build();
    }
}
