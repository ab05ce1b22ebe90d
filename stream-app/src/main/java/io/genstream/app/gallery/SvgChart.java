package io.genstream.app.gallery;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** A small inline SVG line chart, one line per model version; drawn here so the page needs no script library. */
final class SvgChart {

    static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
        "#7f7f7f"};
    private static final int WIDTH = 360;
    private static final int HEIGHT = 120;
    private static final int PAD = 4;

    private SvgChart() {}

    /** The chart of one figure of every version's points; NaN points are left out of the line. */
    static String render(String title, String unit, Map<String, List<VersionSeries.Point>> series,
            ToDoubleFunction<VersionSeries.Point> figure) {
        long minT = Long.MAX_VALUE;
        long maxT = Long.MIN_VALUE;
        double maxV = 0;
        double minV = 0;
        for (List<VersionSeries.Point> points : series.values()) {
            for (VersionSeries.Point p : points) {
                double v = figure.applyAsDouble(p);
                minT = Math.min(minT, p.startMillis());
                maxT = Math.max(maxT, p.startMillis());
                if (Double.isFinite(v)) {
                    maxV = Math.max(maxV, v);
                    minV = Math.min(minV, v);
                }
            }
        }
        double spanT = Math.max(1, maxT - minT);
        double spanV = maxV - minV > 0 ? maxV - minV : 1;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<figure class=\"chart\"><figcaption>%s <small>(max %.3g %s)</small></figcaption>"
                        + "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"#fafafa\" stroke=\"#ccc\"/>",
                Html.escape(title), maxV, Html.escape(unit), WIDTH, HEIGHT, WIDTH, HEIGHT, Html.escape(title)));
        int colour = 0;
        for (Map.Entry<String, List<VersionSeries.Point>> entry : series.entrySet()) {
            StringBuilder line = new StringBuilder();
            for (VersionSeries.Point p : entry.getValue()) {
                double v = figure.applyAsDouble(p);
                if (Double.isFinite(v)) {
                    double x = PAD + (p.startMillis() - minT) / spanT * (WIDTH - 2 * PAD);
                    double y = HEIGHT - PAD - (v - minV) / spanV * (HEIGHT - 2 * PAD);
                    line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                }
            }
            svg.append(String.format(Locale.ROOT,
                    "<polyline data-model=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>",
                    Html.escape(entry.getKey()), COLOURS[colour++ % COLOURS.length], line.toString().trim()));
        }
        return svg.append("</svg></figure>").toString();
    }
}
