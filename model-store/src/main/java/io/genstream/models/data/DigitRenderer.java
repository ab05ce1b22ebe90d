package io.genstream.models.data;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws one digit into a 28×28 grey image (row-major, 0 = black paper, 1 = full ink).
 *
 * <p>Each pixel's value comes from its distance to the nearest stroke segment: full ink inside
 * half the pen width, a linear ramp over {@code edgeSoftness} pixels, nothing beyond. That is
 * exact anti-aliasing for round pens, needs no supersampling and no fonts. The elastic warp is
 * applied to the pixel positions before measuring (an inverse warp), so it bends the strokes
 * without tearing them.
 */
public final class DigitRenderer {

    public static final int SIZE = 28;
    public static final int PIXELS = SIZE * SIZE;

    /** Renders {@code digit} in a style, skeleton and warp all drawn from {@code seed}. */
    public float[] render(int digit, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return render(digit, DigitStyle.sample(rng), rng);
    }

    /** Renders {@code digit} in the given style; {@code rng} picks the skeleton and the warp. */
    public float[] render(int digit, DigitStyle style, SplittableRandom rng) {
        List<Polyline> strokes = DigitGlyphs.strokes(digit, rng, style.controlJitter());
        ElasticField warp = new ElasticField(rng, style.elasticAmplitude(), SIZE);
        double[] minDistance = new double[PIXELS];
        Arrays.fill(minDistance, Double.MAX_VALUE);
        double reach = style.penWidth() / 2 + style.edgeSoftness() + 1.5 * warp.maxDisplacement() + 1;
        double[][] warpedX = new double[SIZE][SIZE];
        double[][] warpedY = new double[SIZE][SIZE];
        for (int row = 0; row < SIZE; row++) {
            for (int col = 0; col < SIZE; col++) {
                double x = col + 0.5;
                double y = row + 0.5;
                warpedX[row][col] = x + warp.dx(x, y);
                warpedY[row][col] = y + warp.dy(x, y);
            }
        }
        for (Polyline stroke : strokes) {
            double[] px = new double[stroke.size()];
            double[] py = new double[stroke.size()];
            toPixels(stroke, style, px, py);
            for (int i = 0; i + 1 < px.length; i++) {
                accumulateSegment(px[i], py[i], px[i + 1], py[i + 1], reach, warpedX, warpedY, minDistance);
            }
        }
        float[] image = new float[PIXELS];
        double half = style.penWidth() / 2;
        for (int p = 0; p < PIXELS; p++) {
            double coverage = (half - minDistance[p]) / style.edgeSoftness() + 0.5;
            image[p] = (float) (style.ink() * Math.max(0, Math.min(1, coverage)));
        }
        return image;
    }

    /** Glyph box → image: scale, slant (shear about the centre), tilt, then translate. */
    private static void toPixels(Polyline stroke, DigitStyle style, double[] px, double[] py) {
        double width = style.height() * style.aspect();
        double cos = Math.cos(style.rotation());
        double sin = Math.sin(style.rotation());
        for (int i = 0; i < stroke.size(); i++) {
            double y = (stroke.ys()[i] - 0.5) * style.height();
            double x = (stroke.xs()[i] - 0.5) * width - style.slant() * y;
            px[i] = style.centerX() + x * cos - y * sin;
            py[i] = style.centerY() + x * sin + y * cos;
        }
    }

    private static void accumulateSegment(
            double ax, double ay, double bx, double by, double reach,
            double[][] warpedX, double[][] warpedY, double[] minDistance) {
        int colLo = clampIndex(Math.floor(Math.min(ax, bx) - reach));
        int colHi = clampIndex(Math.ceil(Math.max(ax, bx) + reach));
        int rowLo = clampIndex(Math.floor(Math.min(ay, by) - reach));
        int rowHi = clampIndex(Math.ceil(Math.max(ay, by) + reach));
        double ex = bx - ax;
        double ey = by - ay;
        double lengthSquared = ex * ex + ey * ey;
        for (int row = rowLo; row <= rowHi; row++) {
            for (int col = colLo; col <= colHi; col++) {
                double qx = warpedX[row][col] - ax;
                double qy = warpedY[row][col] - ay;
                double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, (qx * ex + qy * ey) / lengthSquared));
                double dx = qx - t * ex;
                double dy = qy - t * ey;
                double d = Math.sqrt(dx * dx + dy * dy);
                int p = row * SIZE + col;
                if (d < minDistance[p]) {
                    minDistance[p] = d;
                }
            }
        }
    }

    private static int clampIndex(double v) {
        return (int) Math.max(0, Math.min(SIZE - 1, v));
    }
}
