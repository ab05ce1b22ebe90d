package io.genstream.app.cli;

import java.awt.image.BufferedImage;
import java.util.ArrayDeque;

/**
 * Finds digit-like tiles in a screenshot: dark squares of about the expected size (the gallery draws each image
 * on black) with bright strokes inside that cover a digit's share of the square, neither empty nor a blank fill.
 */
final class DigitTiles {

    private static final int DARK = 60;
    private static final int BRIGHT = 160;

    private DigitTiles() {}

    /** How many tiles of about {@code size} pixels square look like a light digit on a dark background. */
    static int count(BufferedImage image, int size) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean[] seen = new boolean[w * h];
        int tiles = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!seen[y * w + x] && luminance(image, x, y) < DARK) {
                    int[] box = darkRegion(image, x, y, seen);
                    if (looksLikeDigitTile(image, box, size)) {
                        tiles++;
                    }
                }
            }
        }
        return tiles;
    }

    /** Flood fill of connected dark pixels; returns its bounding box {minX, minY, maxX, maxY}. */
    private static int[] darkRegion(BufferedImage image, int startX, int startY, boolean[] seen) {
        int w = image.getWidth();
        int[] box = {startX, startY, startX, startY};
        ArrayDeque<int[]> todo = new ArrayDeque<>();
        todo.add(new int[] {startX, startY});
        seen[startY * w + startX] = true;
        while (!todo.isEmpty()) {
            int[] p = todo.poll();
            box[0] = Math.min(box[0], p[0]);
            box[1] = Math.min(box[1], p[1]);
            box[2] = Math.max(box[2], p[0]);
            box[3] = Math.max(box[3], p[1]);
            for (int[] d : new int[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                int nx = p[0] + d[0];
                int ny = p[1] + d[1];
                if (nx >= 0 && ny >= 0 && nx < w && ny < image.getHeight() && !seen[ny * w + nx]
                        && luminance(image, nx, ny) < DARK) {
                    seen[ny * w + nx] = true;
                    todo.add(new int[] {nx, ny});
                }
            }
        }
        return box;
    }

    private static boolean looksLikeDigitTile(BufferedImage image, int[] box, int size) {
        int bw = box[2] - box[0] + 1;
        int bh = box[3] - box[1] + 1;
        if (Math.abs(bw - size) > size / 10 || Math.abs(bh - size) > size / 10) {
            return false;
        }
        int bright = 0;
        for (int y = box[1]; y <= box[3]; y++) {
            for (int x = box[0]; x <= box[2]; x++) {
                if (luminance(image, x, y) > BRIGHT) {
                    bright++;
                }
            }
        }
        double share = bright / (double) (bw * bh);
        // a handwritten-style digit covers roughly 5-40% of its square
        return share > 0.03 && share < 0.5;
    }

    private static int luminance(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        return (299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff)) / 1000;
    }
}
