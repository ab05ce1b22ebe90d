package io.genstream.app.cli;

import io.genstream.app.GenstreamApplication;
import io.genstream.app.Generators;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.gallery.GalleryPage;
import io.genstream.app.generator.ImageModelInfo;
import io.genstream.app.http.Observability;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.generator.TextModelInfo;
import io.genstream.app.kafka.EmbeddedKafkaBroker;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code demo}: a real KRaft broker in this JVM on 127.0.0.1, the bundled models, the production
 * topology, sample traffic in and a read_committed reader out, with progress every two seconds.
 */
final class DemoCommand {

    private static final Duration REPORT_EVERY = Duration.ofSeconds(2);

    private DemoCommand() {}

    static int run(GenstreamConfig base, PrintStream out) throws Exception {
        long start = System.nanoTime();
        // Ctrl-C asks the demo to stop; the hook then waits for the demo to print its tally and
        // close the app and the broker (which deletes its data), since the JVM exits when hooks end.
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run(base, out, start, stop);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the JVM is already stopping and the hook is running.
            }
        }
    }

    private static int run(GenstreamConfig base, PrintStream out, long start, CountDownLatch stop) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(base.get(GenstreamConfig.DEMO_PORT), Map.of())) {
            GenstreamConfig config = base
                    .with(GenstreamConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                    .with(GenstreamConfig.TOPIC_REPLICATION, "1");
            out.printf("Kafka broker (KRaft, in this JVM) listening on %s%n", broker.bootstrapServers());
            try (Observability ops = Observability.start(config)) {
                ops.url(Observability.METRICS).ifPresent(url -> out.printf("Gallery: %s%nMetrics: %s (health %s)%n",
                        ops.url(GalleryPage.PATH).orElseThrow(), url, ops.url(Observability.READY).orElseThrow()));
                return serve(config, ops, out, start, stop);
            }
        }
    }

    private static int serve(GenstreamConfig config, Observability ops, PrintStream out, long start,
            CountDownLatch stop) throws Exception {
        try (ModelCatalog models = Generators.load(config, ops.metrics())) {
            ops.readiness().modelsLoaded();
            if (models.imageModels().isEmpty()) {
                throw new IllegalStateException("no image model in " + config.get(GenstreamConfig.MODELS_DIR));
            }
            try (GenstreamApplication app = GenstreamApplication.start(config, models, ops.metrics())) {
                ops.readiness().watch(app.streams());
                app.awaitRunning(Duration.ofSeconds(120));
                out.printf("Topics: %s%n", app.topics().names());
                out.printf("Any Kafka client can produce NoiseSeedEvent records to %s on %s while the demo runs.%n",
                        app.topics().noiseSeeds().name(), config.get(GenstreamConfig.BOOTSTRAP_SERVERS));
                return stream(config, app, models, ops, out, start, stop);
            }
        }
    }

    private static int stream(GenstreamConfig config, GenstreamApplication app, ModelCatalog models,
            Observability ops, PrintStream out, long start, CountDownLatch stop) throws InterruptedException {
        Map<String, Object> client = GenstreamApplication.clientConfig(config);
        Path samples = Path.of(config.get(GenstreamConfig.DEMO_OUTPUT_DIR)).toAbsolutePath();
        int rate = config.get(GenstreamConfig.DEMO_EVENTS_PER_SECOND);
        int duration = config.get(GenstreamConfig.DEMO_DURATION_SECONDS);
        DemoSink sink = new DemoSink(client, app.topics().content().name(), app.topics().deadLetters().name(),
                samples, config.get(GenstreamConfig.DEMO_SAMPLE_LIMIT));
        List<String> textModels = models.textModels().stream().map(TextModelInfo::name).distinct().toList();
        List<String> imageModels = models.imageModels().stream().map(ImageModelInfo::name).distinct().toList();
        DemoTraffic traffic = new DemoTraffic(client, app.topics().noiseSeeds().name(), app.topics().prompts().name(),
                imageModels, textModels, rate, config.get(GenstreamConfig.MAX_COUNT));
        Thread sinkThread = new Thread(sink, "demo-sink");
        Thread trafficThread = new Thread(traffic, "demo-traffic");
        sinkThread.start();
        trafficThread.start();
        out.printf("Sending %d events/s: noise seeds to %s (models %s)%s; sample images and texts go to %s%n",
                rate, app.topics().noiseSeeds().name(), imageModels, textModels.isEmpty() ? ""
                        : ", one in ten a prompt to " + app.topics().prompts().name() + " (models " + textModels + ")",
                samples);
        out.println(duration > 0 ? "Running for " + duration + " s." : "Running until Ctrl-C.");

        long streaming = System.nanoTime();
        ProgressLine progress = new ProgressLine(start);
        long deadline = duration > 0 ? System.nanoTime() + Duration.ofSeconds(duration).toNanos() : Long.MAX_VALUE;
        while (!stop.await(REPORT_EVERY.toMillis(), TimeUnit.MILLISECONDS)
                && System.nanoTime() < deadline) {
            out.println(progress.line(traffic.sent(), sink.items(), sink.deadLetters(), sink.saved()));
        }
        traffic.stop();
        trafficThread.join();
        traffic.close();
        // Let the last requests through before stopping, so the totals add up.
        long settle = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < settle
                && (sink.ownItems() < expectedItems(traffic) || sink.ownDeadLetters() < traffic.expectedRejections())) {
            Thread.sleep(200);
        }
        Thread.sleep(500); // anything beyond the expected (a duplicate) would show up here
        sink.stop();
        sinkThread.join();
        out.println(progress.line(traffic.sent(), sink.items(), sink.deadLetters(), sink.saved()));
        boolean accounted = sink.ownItems() == expectedItems(traffic)
                && sink.ownDeadLetters() == traffic.expectedRejections();
        out.printf("Done: %d events sent, %d items generated (%d expected: %d images, %d texts), %d dead letters %s"
                        + " (%d expected): %s; %d sample images and %s in %s%n",
                traffic.sent(), sink.ownItems(), expectedItems(traffic), traffic.expectedImages(),
                traffic.expectedTexts(), sink.ownDeadLetters(), sink.deadLetters(), traffic.expectedRejections(),
                accounted ? "every event accounted for" : "MISMATCH", sink.saved(), DemoSink.TEXTS_FILE, samples);
        DemoSummary.print(out, ops, sink.items(), sink.deadLetters().values().stream().mapToLong(Long::longValue).sum(),
                (System.nanoTime() - streaming) / 1e9);
        return accounted ? 0 : 1;
    }

    private static long expectedItems(DemoTraffic traffic) {
        return traffic.expectedImages() + traffic.expectedTexts();
    }

    /** One progress line: rates over the last interval and totals. */
    private static final class ProgressLine {
        private final long start;
        private long lastNanos;
        private long lastSent;
        private long lastItems;

        ProgressLine(long start) {
            this.start = start;
            this.lastNanos = System.nanoTime();
        }

        String line(long sent, long items, Map<String, Long> deadLetters, long saved) {
            long now = System.nanoTime();
            double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
            String text = String.format(
                    "[%5.0fs] in %6.1f events/s | out %7.1f items/s | totals: %d events, %d items (images and texts), %d dead letters %s, %d sample images saved",
                    (now - start) / 1e9, (sent - lastSent) / seconds, (items - lastItems) / seconds, sent, items,
                    deadLetters.values().stream().mapToLong(Long::longValue).sum(), deadLetters, saved);
            lastNanos = now;
            lastSent = sent;
            lastItems = items;
            return text;
        }
    }
}
