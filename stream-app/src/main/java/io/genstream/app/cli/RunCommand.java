package io.genstream.app.cli;

import io.genstream.app.GenstreamApplication;
import io.genstream.app.Generators;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.metrics.GenstreamMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/** {@code run}: the service against an existing Kafka cluster, until stopped. */
final class RunCommand {

    private RunCommand() {}

    static int run(GenstreamConfig config, PrintStream out) throws Exception {
        GenstreamMetrics metrics = new GenstreamMetrics(new SimpleMeterRegistry());
        ModelCatalog models = Generators.load(config, metrics);
        GenstreamApplication app;
        try {
            app = GenstreamApplication.start(config, models, metrics);
        } catch (RuntimeException e) {
            models.close();
            throw e;
        }
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            models.close();
            closed.countDown();
        }, "genstream-shutdown"));
        out.printf("genstream running against %s as application '%s', serving %s. Ctrl-C stops it.%n",
                config.get(GenstreamConfig.BOOTSTRAP_SERVERS), config.get(GenstreamConfig.APPLICATION_ID),
                models.imageModels());
        closed.await();
        return 0;
    }
}
