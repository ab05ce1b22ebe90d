package io.genstream.app.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small read-only HTTP server: fixed paths, GET and HEAD only (405 otherwise), two handler threads with a
 * bounded queue (when full, the accepting thread answers itself, which slows clients down), bodies capped at
 * {@value #MAX_BODY_BYTES} bytes. Nothing it serves changes any state.
 */
public final class OpsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
    static final int MAX_BODY_BYTES = 8 << 20;
    private static final int THREADS = 2;
    private static final int QUEUE = 32;

    private final HttpServer server;
    private final ThreadPoolExecutor pool;

    private OpsServer(HttpServer server, ThreadPoolExecutor pool) {
        this.server = server;
        this.pool = pool;
    }

    /** Starts serving the routes (exact paths) on host:port; port 0 picks a free port. */
    public static OpsServer start(String host, int port, Map<String, Supplier<Response>> routes) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), QUEUE);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE), runnable -> {
                    Thread thread = new Thread(runnable, "genstream-http");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(pool);
        server.createContext("/", exchange -> handle(exchange, routes));
        server.start();
        return new OpsServer(server, pool);
    }

    private static void handle(HttpExchange exchange, Map<String, Supplier<Response>> routes) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            Response response;
            if (!head && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                response = Response.text(405, "method not allowed: only GET and HEAD");
            } else {
                Supplier<Response> route = routes.get(exchange.getRequestURI().getPath());
                response = route == null ? Response.text(404, "not found; try " + routes.keySet()) : answer(route);
            }
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            if (head) {
                exchange.sendResponseHeaders(response.status(), -1);
            } else {
                exchange.sendResponseHeaders(response.status(), response.body().length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(response.body());
                }
            }
        }
    }

    private static Response answer(Supplier<Response> route) {
        try {
            Response response = route.get();
            return response.body().length <= MAX_BODY_BYTES ? response
                    : Response.text(500, "response too large (" + response.body().length + " bytes)");
        } catch (RuntimeException e) {
            LOG.warn("HTTP handler failed", e);
            return Response.text(500, "internal error: " + e.getClass().getSimpleName());
        }
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The URL of a path on this server, as a browser on this host reaches it. */
    public String url(String path) {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
