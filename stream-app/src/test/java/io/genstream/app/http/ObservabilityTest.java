package io.genstream.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genstream.app.config.GenstreamConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ObservabilityTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private Observability ops;

    @BeforeEach
    void start() throws Exception {
        ops = Observability.start(GenstreamConfig.defaults().with(GenstreamConfig.HTTP_PORT, "0"));
    }

    @AfterEach
    void stop() {
        ops.close();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(ops.url(path).orElseThrow()))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listensOnLoopbackOnlyByDefault() {
        OpsServer server = ops.server().orElseThrow();
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(server.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(server.address().getPort()).isPositive();
    }

    @Test
    void readyzTurnsReadyOnlyOnceModelsAreLoadedAndStreamsIsRunning() throws Exception {
        assertThat(send("GET", "/healthz").statusCode()).isEqualTo(200);
        HttpResponse<String> loading = send("GET", "/readyz");
        assertThat(loading.statusCode()).isEqualTo(503);
        assertThat(loading.body()).contains("models not loaded");

        ops.readiness().modelsLoaded();
        KafkaStreams.State[] state = {KafkaStreams.State.REBALANCING};
        ops.readiness().watch(() -> state[0]);
        HttpResponse<String> rebalancing = send("GET", "/readyz");
        assertThat(rebalancing.statusCode()).isEqualTo(503);
        assertThat(rebalancing.body()).contains("REBALANCING");

        state[0] = KafkaStreams.State.RUNNING;
        assertThat(send("GET", "/readyz").statusCode()).isEqualTo(200);
        state[0] = KafkaStreams.State.ERROR;
        assertThat(send("GET", "/readyz").statusCode()).isEqualTo(503);
    }

    @Test
    void metricsAreInPrometheusFormatWithTheJvmBinders() throws Exception {
        HttpResponse<String> metrics = send("GET", "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(metrics.body()).contains("# TYPE jvm_memory_used_bytes gauge", "jvm_gc_", "jvm_threads_live_threads",
                "jvm_classes_loaded_classes", "process_uptime_seconds", "system_cpu_count");
    }

    @Test
    void onlyGetAndHeadAreAllowedAndUnknownPathsAreNotFound() throws Exception {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            HttpResponse<String> refused = send(method, "/readyz");
            assertThat(refused.statusCode()).as(method).isEqualTo(405);
            assertThat(refused.headers().firstValue("Allow")).hasValue("GET, HEAD");
        }
        HttpResponse<String> head = send("HEAD", "/gallery");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(send("GET", "/gallery").body()).contains("genstream gallery");
        assertThat(send("GET", "/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void aBusyPortFailsNamingTheSettingToChange() {
        int busy = ops.server().orElseThrow().address().getPort();
        assertThatThrownBy(() -> Observability.start(GenstreamConfig.defaults()
                .with(GenstreamConfig.HTTP_PORT, Integer.toString(busy))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("127.0.0.1:" + busy).hasMessageContaining("http.port");
    }

    @Test
    void noHttpServerWhenThePortIsMinusOne() throws Exception {
        try (Observability off = Observability.start(GenstreamConfig.defaults().with(GenstreamConfig.HTTP_PORT, "-1"))) {
            assertThat(off.server()).isEmpty();
            assertThat(off.url("/metrics")).isEmpty();
        }
    }
}
