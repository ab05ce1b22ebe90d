package io.genstream.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genstream.app.GenstreamApplication;
import io.genstream.app.Generators;
import io.genstream.app.TestModels;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.gallery.GalleryPage;
import io.genstream.app.generator.ImageModelInfo;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.generator.TextModelInfo;
import io.genstream.app.http.Observability;
import io.genstream.app.kafka.EmbeddedKafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The operated service end to end: an embedded broker, the bundled models, the production application with its
 * HTTP endpoints on 127.0.0.1, and the demo's traffic (good and bad inputs) flowing the whole time. A real
 * Prometheus scrapes it and must answer every query of the Grafana dashboard with data; headless Chromium loads
 * the gallery, whose screenshot must show digit images. Needs {@code prometheus} and {@code chromium} on the
 * PATH: skipped without them, failed without them when {@code GENSTREAM_REQUIRE_TOOLS=1} (CI).
 */
@Tag("integration")
class OperationsEndToEndTest {

    private static final Path DASHBOARD = locate("ops/grafana/dashboards/genstream.json");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Path workDir;
    private static EmbeddedKafkaBroker broker;
    private static Observability ops;
    private static ModelCatalog models;
    private static GenstreamApplication app;
    private static DemoTraffic traffic;
    private static Thread trafficThread;

    @BeforeAll
    static void startService() throws Exception {
        if (!ExternalTool.required() && ExternalTool.find("prometheus").isEmpty()
                && ExternalTool.find("chromium").isEmpty()) {
            return; // each test skips itself, saying which tool is missing
        }
        workDir = Files.createTempDirectory("genstream-ops-e2e-");
        broker = EmbeddedKafkaBroker.start();
        GenstreamConfig config = TestModels.config()
                .with(GenstreamConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(GenstreamConfig.APPLICATION_ID, "ops-e2e")
                .with(GenstreamConfig.TOPIC_PREFIX, "ops-e2e.")
                .with(GenstreamConfig.TOPIC_REPLICATION, "1")
                .with(GenstreamConfig.HTTP_PORT, "0")
                // short quality windows, so the quality gauges have figures within the test
                .with(GenstreamConfig.QUALITY_WINDOW_MS, "2000")
                .with(GenstreamConfig.QUALITY_GRACE_MS, "0");
        ops = Observability.start(config);
        assertThat(get(Observability.READY).statusCode()).as("ready before the models load").isEqualTo(503);
        models = Generators.load(config, ops.metrics());
        ops.readiness().modelsLoaded();
        app = GenstreamApplication.start(config, models, ops.metrics());
        ops.readiness().watch(app.streams());
        app.awaitRunning(Duration.ofSeconds(60));
        assertThat(get(Observability.READY).statusCode()).as("ready once Streams runs").isEqualTo(200);

        traffic = new DemoTraffic(GenstreamApplication.clientConfig(config), app.topics().noiseSeeds().name(),
                app.topics().prompts().name(), models.imageModels().stream().map(ImageModelInfo::name).toList(),
                models.textModels().stream().map(TextModelInfo::name).toList(), 20,
                config.get(GenstreamConfig.MAX_COUNT));
        trafficThread = new Thread(traffic, "ops-e2e-traffic");
        trafficThread.start();
    }

    @AfterAll
    static void stopService() throws Exception {
        if (traffic != null) {
            traffic.stop();
            trafficThread.join();
            traffic.close();
        }
        if (app != null) {
            app.close();
        }
        if (models != null) {
            models.close();
        }
        if (ops != null) {
            ops.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (workDir != null) {
            Utils.delete(workDir.toFile());
        }
    }

    @Test
    void prometheusScrapesTheAppAndEveryDashboardQueryHasData() throws Exception {
        Path binary = ExternalTool.require("prometheus", "prometheus");
        List<String> queries = dashboardQueries();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(10);
        String target = ops.server().orElseThrow().address().getHostString() + ":"
                + ops.server().orElseThrow().address().getPort();
        try (PrometheusProcess prometheus = PrometheusProcess.start(binary, Files.createDirectories(
                workDir.resolve("prometheus")), target)) {
            Map<String, JsonNode> missing = new LinkedHashMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            do {
                Thread.sleep(2_000);
                missing.clear();
                for (String query : queries) {
                    JsonNode result = prometheus.query(query);
                    if (!hasFiniteSample(result)) {
                        missing.put(query, result);
                    }
                }
            } while (!missing.isEmpty() && System.nanoTime() < deadline);
            assertThat(missing).as("dashboard queries without data").isEmpty();
        }
    }

    @Test
    void theGalleryShowsDigitImagesTextsAndChartsInABrowser() throws Exception {
        Path binary = ExternalTool.require("chromium", "chromium");
        HeadlessChromium chromium = new HeadlessChromium(binary, Files.createDirectories(workDir.resolve("chromium")));
        String url = ops.url(GalleryPage.PATH).orElseThrow();
        awaitGalleryItems(Duration.ofSeconds(60));

        String dom = chromium.dumpDom(url);
        assertThat(count(dom, "class=\"item image-item\"")).isGreaterThanOrEqualTo(8);
        assertThat(count(dom, "class=\"item text-item\"")).isGreaterThanOrEqualTo(1);
        assertThat(dom).contains("<polyline data-model=\"digits-gan@1\"", "classConfidence=");

        var screenshot = ImageIO.read(chromium.screenshot(url, 1280, 1400).toFile());
        assertThat(screenshot).isNotNull();
        assertThat(DigitTiles.count(screenshot, 84)).as("digit tiles in the screenshot").isGreaterThanOrEqualTo(8);
    }

    private static void awaitGalleryItems(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while ((ops.gallery().images().latest().size() < 24 || ops.gallery().texts().latest().isEmpty())
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    /** A series with a number: NaN (e.g. a quantile of nothing) does not count as data. */
    private static boolean hasFiniteSample(JsonNode result) {
        for (JsonNode series : result) {
            String value = series.path("value").path(1).asText();
            if (!value.isEmpty() && Double.isFinite(Double.parseDouble(value))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> dashboardQueries() throws Exception {
        List<String> queries = new ArrayList<>();
        new ObjectMapper().readTree(DASHBOARD.toFile()).findValues("expr").forEach(e -> queries.add(e.asText()));
        return queries;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(ops.url(path).orElseThrow())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static Path locate(String relative) {
        return Files.exists(Path.of("..", relative)) ? Path.of("..", relative) : Path.of(relative);
    }
}
