package io.genstream.models.data;

import java.util.SplittableRandom;

/**
 * How one digit is written: where and how big it sits in the image, its slant and tilt, the pen
 * width and softness, and how strongly the paper is "warped" (elastic distortion). All lengths
 * are in pixels of the 28×28 image.
 *
 * @param height glyph box height
 * @param aspect glyph box width / height
 * @param slant horizontal shear (x shift per unit of height above the centre), italic style
 * @param rotation small tilt in radians
 * @param centerX glyph box centre
 * @param centerY glyph box centre
 * @param penWidth stroke width
 * @param edgeSoftness width of the anti-aliased ramp at the stroke edge
 * @param ink peak intensity of the stroke, ≤ 1
 * @param elasticAmplitude largest displacement of the elastic warp
 * @param controlJitter control point jitter, in glyph units
 */
public record DigitStyle(
        double height,
        double aspect,
        double slant,
        double rotation,
        double centerX,
        double centerY,
        double penWidth,
        double edgeSoftness,
        double ink,
        double elasticAmplitude,
        double controlJitter) {

    /** A random style within the ranges that keep every digit inside the image and legible. */
    public static DigitStyle sample(SplittableRandom rng) {
        double height = uniform(rng, 16.5, 21.5);
        return new DigitStyle(
                height,
                uniform(rng, 0.5, 0.78),
                uniform(rng, -0.12, 0.38),
                Math.toRadians(uniform(rng, -8, 8)),
                14 + uniform(rng, -1.5, 1.5),
                14 + uniform(rng, -1.2, 1.2),
                uniform(rng, 1.5, 3.3),
                uniform(rng, 0.8, 1.6),
                uniform(rng, 0.85, 1.0),
                uniform(rng, 0.0, 1.4),
                uniform(rng, 0.02, 0.06));
    }

    /** A plain upright style, for tests and for showing the skeletons. */
    public static DigitStyle neutral() {
        return new DigitStyle(20, 0.65, 0, 0, 14, 14, 2.5, 1.0, 1.0, 0, 0);
    }

    private static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }
}
