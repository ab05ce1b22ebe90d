package io.genstream.app.cli;

import io.genstream.app.GenstreamApplication;
import io.genstream.app.Generators;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.gallery.GalleryPage;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.http.Observability;
import io.genstream.app.metrics.GenstreamMetrics;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/** {@code run}: the service against an existing Kafka cluster, until stopped. */
final class RunCommand {

    private RunCommand() {}

    static int run(GenstreamConfig config, PrintStream out) throws Exception {
        Observability ops = Observability.start(config);
        ops.url(Observability.METRICS).ifPresent(url -> out.printf("Metrics: %s  gallery: %s  health: %s%n", url,
                ops.url(GalleryPage.PATH).orElseThrow(), ops.url(Observability.READY).orElseThrow()));
        GenstreamMetrics metrics = ops.metrics();
        ModelCatalog models;
        GenstreamApplication app;
        try {
            models = Generators.load(config, metrics);
        } catch (Exception e) {
            ops.close();
            throw e;
        }
        ops.readiness().modelsLoaded();
        try {
            app = GenstreamApplication.start(config, models, metrics);
        } catch (RuntimeException e) {
            models.close();
            ops.close();
            throw e;
        }
        ops.readiness().watch(app.streams());
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            models.close();
            ops.close();
            closed.countDown();
        }, "genstream-shutdown"));
        out.printf("genstream running against %s as application '%s', serving %s. Ctrl-C stops it.%n",
                config.get(GenstreamConfig.BOOTSTRAP_SERVERS), config.get(GenstreamConfig.APPLICATION_ID),
                models.imageModels());
        closed.await();
        return 0;
    }
}
