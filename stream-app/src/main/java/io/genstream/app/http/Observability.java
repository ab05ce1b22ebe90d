package io.genstream.app.http;

import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.gallery.Gallery;
import io.genstream.app.gallery.GalleryPage;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.metrics.PrometheusRegistry;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a running instance shows of itself: its meters in a Prometheus registry, the gallery fed from the
 * items it emits, its readiness, and the HTTP server for all of them ({@code http.port} -1: none).
 */
public final class Observability implements AutoCloseable {

    public static final String METRICS = "/metrics";
    public static final String HEALTH = "/healthz";
    public static final String READY = "/readyz";

    private final PrometheusRegistry prometheus;
    private final GenstreamMetrics metrics;
    private final Gallery gallery;
    private final Readiness readiness = new Readiness();
    private final OpsServer server;

    private Observability(GenstreamConfig config) throws IOException {
        prometheus = new PrometheusRegistry();
        metrics = new GenstreamMetrics(prometheus.registry());
        gallery = new Gallery(config.get(GenstreamConfig.GALLERY_SIZE));
        metrics.onEmitted(gallery);
        int port = config.get(GenstreamConfig.HTTP_PORT);
        String host = config.get(GenstreamConfig.HTTP_HOST);
        try {
            server = port < 0 ? null : OpsServer.start(host, port, routes());
        } catch (IOException e) {
            prometheus.close();
            throw new IOException("cannot serve HTTP on " + host + ":" + port + " (" + e.getMessage() + "); set "
                    + GenstreamConfig.HTTP_PORT.name() + " (0 = any free port, -1 = none)", e);
        }
    }

    /** The registry, the gallery and (unless {@code http.port} is -1) the HTTP server, started. */
    public static Observability start(GenstreamConfig config) throws IOException {
        return new Observability(config);
    }

    private Map<String, Supplier<Response>> routes() {
        GalleryPage page = new GalleryPage(gallery);
        Map<String, Supplier<Response>> routes = new LinkedHashMap<>();
        routes.put(METRICS, () -> Response.of(200, Response.PROMETHEUS, prometheus.scrape()));
        routes.put(HEALTH, () -> Response.text(200, "ok"));
        routes.put(READY, () -> readiness.notReadyReason()
                .map(reason -> Response.text(503, "not ready: " + reason))
                .orElseGet(() -> Response.text(200, "ready")));
        routes.put(GalleryPage.PATH, () -> Response.of(200, Response.HTML, page.page()));
        routes.put(GalleryPage.LIVE_PATH, () -> Response.of(200, Response.HTML, page.live()));
        routes.put("/", () -> Response.text(200, "genstream: " + String.join(" ", METRICS, HEALTH, READY,
                GalleryPage.PATH)));
        return routes;
    }

    public GenstreamMetrics metrics() {
        return metrics;
    }

    public Gallery gallery() {
        return gallery;
    }

    public Readiness readiness() {
        return readiness;
    }

    /** The server, unless HTTP is off. */
    public Optional<OpsServer> server() {
        return Optional.ofNullable(server);
    }

    /** The URL of a path, unless HTTP is off. */
    public Optional<String> url(String path) {
        return server().map(s -> s.url(path));
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        prometheus.close();
    }
}
