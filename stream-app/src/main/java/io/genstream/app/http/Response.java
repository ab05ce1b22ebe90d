package io.genstream.app.http;

import java.nio.charset.StandardCharsets;

/** One HTTP answer: status, content type and the whole body (every page here is small and made at once). */
record Response(int status, String contentType, byte[] body) {

    static final String TEXT = "text/plain; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";
    /** The Prometheus text exposition format. */
    static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    static Response of(int status, String contentType, String body) {
        return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static Response text(int status, String body) {
        return of(status, TEXT, body + "\n");
    }
}
