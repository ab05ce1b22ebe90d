package io.genstream.app.integration;

import io.genstream.app.kafka.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.Map;

/**
 * The embedded broker as a process of its own, on fixed ports and a fixed data folder, so a test
 * can kill it and start it again with its data: {@code StandaloneBroker DATA_DIR PORT CONTROLLER_PORT}.
 */
final class StandaloneBroker {

    /** Printed once the broker accepts clients. */
    static final String READY = "standalone broker ready";

    private StandaloneBroker() {}

    public static void main(String[] args) throws InterruptedException {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startKeepingData(
                Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "broker-shutdown"));
        System.out.println(READY);
        Thread.currentThread().join();
    }
}
