package io.genstream.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpsServerTest {

    private static HttpResponse<String> get(OpsServer server, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aResponseOverTheCapIsRefusedNotSent() throws Exception {
        byte[] huge = new byte[OpsServer.MAX_BODY_BYTES + 1];
        try (OpsServer server = OpsServer.start("127.0.0.1", 0, Map.of(
                "/huge", () -> new Response(200, Response.TEXT, huge),
                "/fits", () -> new Response(200, Response.TEXT, new byte[OpsServer.MAX_BODY_BYTES])))) {
            HttpResponse<String> refused = get(server, "/huge");
            assertThat(refused.statusCode()).isEqualTo(500);
            assertThat(refused.body()).contains("response too large");
            assertThat(get(server, "/fits").body()).hasSize(OpsServer.MAX_BODY_BYTES);
        }
    }

    @Test
    void aFailingHandlerAnswers500AndTheServerKeepsServing() throws Exception {
        try (OpsServer server = OpsServer.start("127.0.0.1", 0, Map.of(
                "/broken", () -> {
                    throw new IllegalStateException("boom");
                },
                "/ok", () -> Response.text(200, "ok")))) {
            HttpResponse<String> broken = get(server, "/broken");
            assertThat(broken.statusCode()).isEqualTo(500);
            assertThat(broken.body()).contains("IllegalStateException").doesNotContain("boom");
            assertThat(get(server, "/ok").body()).isEqualTo("ok\n");
        }
    }
}
