package io.genstream.models.data;

import java.util.SplittableRandom;

/**
 * A smooth random displacement of the image plane: random offsets on a coarse grid, blended with
 * a smooth (cubic Hermite) interpolation, so strokes bend gently instead of jittering pixel by
 * pixel. Zero amplitude gives the identity.
 */
final class ElasticField {

    /** Grid cells across the image: 4 cells of 7 px give bends about one stroke-length long. */
    private static final int CELLS = 4;

    private final double[][] dx = new double[CELLS + 1][CELLS + 1];
    private final double[][] dy = new double[CELLS + 1][CELLS + 1];
    private final double cellSize;
    private final double amplitude;

    ElasticField(SplittableRandom rng, double amplitude, int imageSize) {
        this.cellSize = (double) imageSize / CELLS;
        this.amplitude = amplitude;
        for (int i = 0; i <= CELLS; i++) {
            for (int j = 0; j <= CELLS; j++) {
                dx[i][j] = (rng.nextDouble() * 2 - 1) * amplitude;
                dy[i][j] = (rng.nextDouble() * 2 - 1) * amplitude;
            }
        }
    }

    /** Largest possible displacement, for bounding boxes. */
    double maxDisplacement() {
        return amplitude;
    }

    double dx(double x, double y) {
        return sample(dx, x, y);
    }

    double dy(double x, double y) {
        return sample(dy, x, y);
    }

    private double sample(double[][] grid, double x, double y) {
        double gx = clamp(x / cellSize, 0, CELLS - 1e-9);
        double gy = clamp(y / cellSize, 0, CELLS - 1e-9);
        int i = (int) gx;
        int j = (int) gy;
        double u = smooth(gx - i);
        double v = smooth(gy - j);
        double top = grid[j][i] * (1 - u) + grid[j][i + 1] * u;
        double bottom = grid[j + 1][i] * (1 - u) + grid[j + 1][i + 1] * u;
        return top * (1 - v) + bottom * v;
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
