package io.genstream.app.gallery;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gallery as HTML: a page whose live part (charts, then the grid of latest items) a small script reloads
 * from {@link #LIVE_PATH} every two seconds. Images are inline data URIs and charts inline SVG, so the page
 * loads nothing else and works with no network.
 */
public final class GalleryPage {

    public static final String PATH = "/gallery";
    public static final String LIVE_PATH = "/gallery/live";
    /** Images are drawn this many times their size (the digits are 28 pixels), without smoothing. */
    private static final int SCALE = 3;

    private final Gallery gallery;

    public GalleryPage(Gallery gallery) {
        this.gallery = gallery;
    }

    /** The whole page, its live part rendered in place (so it shows without script too). */
    public String page() {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>genstream gallery</title>
                <style>
                body{font-family:sans-serif;margin:12px;background:#fff;color:#222}
                .charts{display:flex;flex-wrap:wrap;gap:12px}.chart{margin:0}
                .legend span{margin-right:14px}.grid{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}
                .item{border:1px solid #ddd;padding:4px;font-size:11px;width:%dpx;overflow-wrap:anywhere}
                h2{font-size:16px;margin:12px 0 0}
                .item img{image-rendering:pixelated;display:block;background:#000}
                .item.text-item{width:280px}.text-item p{font-family:monospace;font-size:12px;margin:4px 0}
                </style></head><body>
                <h1>genstream gallery</h1>
                <div id="live">%s</div>
                <script>
                setInterval(async () => {
                  try {
                    const response = await fetch('%s', {cache: 'no-store'});
                    if (response.ok) document.getElementById('live').innerHTML = await response.text();
                  } catch (e) { /* the service is restarting: keep what is shown */ }
                }, 2000);
                </script>
                </body></html>
                """.formatted(28 * SCALE + 36, live(), LIVE_PATH);
    }

    /** The live part: legend with totals, the three charts, the latest items. */
    public String live() {
        Map<String, List<VersionSeries.Point>> points = gallery.series().points();
        StringBuilder html = new StringBuilder("<div class=\"legend\">");
        int colour = 0;
        for (Map.Entry<String, VersionSeries.Totals> e : gallery.series().totals().entrySet()) {
            VersionSeries.Totals t = e.getValue();
            html.append(String.format(Locale.ROOT,
                    "<span style=\"color:%s\">&#9632; %s: %d items, mean latency %.0f ms, quality %.3f</span>",
                    SvgChart.COLOURS[colour++ % SvgChart.COLOURS.length], Html.escape(e.getKey()), t.items(),
                    t.meanLatencyMs(), t.meanQuality()));
        }
        html.append("</div><div class=\"charts\">")
                .append(SvgChart.render("Throughput", "items/s", points, VersionSeries.Point::itemsPerSecond))
                .append(SvgChart.render("Latency (mean, created to emitted)", "ms", points,
                        VersionSeries.Point::meanLatencyMs))
                .append(SvgChart.render("Quality (" + String.join(" / ", GalleryItem.QUALITY_SCORES) + ")", "",
                        points, VersionSeries.Point::meanQuality))
                .append("</div><h2>Latest images</h2><div class=\"grid images\">");
        gallery.images().latest().forEach(item -> html.append(image(item)));
        html.append("</div><h2>Latest texts</h2><div class=\"grid texts\">");
        gallery.texts().latest().forEach(item -> html.append(text(item)));
        return html.append("</div>").toString();
    }

    private static String image(GalleryItem item) {
        return String.format(Locale.ROOT,
                "<div class=\"item image-item\" data-model=\"%s\"><img alt=\"%s\" width=\"%d\" height=\"%d\""
                        + " src=\"data:image/png;base64,%s\"><div>%s</div>%s</div>",
                Html.escape(item.modelId()), Html.escape(item.requestId() + "#" + item.index()), 28 * SCALE,
                28 * SCALE, Base64.getEncoder().encodeToString(item.png()), Html.escape(item.modelId()),
                scores(item));
    }

    private static String text(GalleryItem item) {
        return String.format(Locale.ROOT, "<div class=\"item text-item\" data-model=\"%s\"><p>%s</p><div>%s</div>%s</div>",
                Html.escape(item.modelId()), Html.escape(String.valueOf(item.text())), Html.escape(item.modelId()),
                scores(item));
    }

    private static String scores(GalleryItem item) {
        StringBuilder out = new StringBuilder("<div class=\"scores\">");
        item.scores().forEach((name, value) -> out.append(String.format(Locale.ROOT, "%s=%.3g ",
                Html.escape(name), value)));
        out.append(String.format(Locale.ROOT, "latency=%d ms", item.latencyMs()));
        return out.append("</div>").toString();
    }
}
