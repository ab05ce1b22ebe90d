package io.genstream.app.integration;

import io.genstream.app.TestModels;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.kafka.EmbeddedKafkaBroker;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded broker for a test class ({@code @RegisterExtension static}), started before its
 * first test and stopped after its last, and the app configuration that points at it.
 */
final class EmbeddedBrokerExtension implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedKafkaBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = EmbeddedKafkaBroker.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        broker.close();
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /**
     * The bundled models on the CPU against this broker, as application {@code applicationId}
     * with topics of its own ({@code applicationId.} prefix, replication 1).
     */
    GenstreamConfig appConfig(String applicationId) {
        return TestModels.config()
                .with(GenstreamConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(GenstreamConfig.APPLICATION_ID, applicationId)
                .with(GenstreamConfig.TOPIC_PREFIX, applicationId + ".")
                .with(GenstreamConfig.TOPIC_REPLICATION, "1");
    }
}
