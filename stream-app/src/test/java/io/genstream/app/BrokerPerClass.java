package io.genstream.app;

import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.kafka.EmbeddedKafkaBroker;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real embedded broker for one test class ({@code @RegisterExtension static}), and the
 * configuration of an application on it with topics of its own.
 */
public final class BrokerPerClass implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedKafkaBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = EmbeddedKafkaBroker.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        broker.close();
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The bundled models on the CPU on this broker: application id {@code name}, topics prefixed {@code name.}. */
    public GenstreamConfig appConfig(String name) {
        return appConfig(TestModels.config(), name);
    }

    /** {@code base} on this broker: application id {@code name}, topics prefixed {@code name.}, 3 partitions. */
    public GenstreamConfig appConfig(GenstreamConfig base, String name) {
        return base.with(GenstreamConfig.BOOTSTRAP_SERVERS, bootstrapServers())
                .with(GenstreamConfig.APPLICATION_ID, name)
                .with(GenstreamConfig.TOPIC_PREFIX, name + ".")
                .with(GenstreamConfig.TOPIC_REPLICATION, "1")
                .with(GenstreamConfig.TOPIC_PARTITIONS, "3");
    }
}
