package io.genstream.app.kafka;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka cluster (KRaft, combined broker and controller) running in this JVM,
 * listening on 127.0.0.1 only. Used by {@code demo}, {@code bench} and the integration tests.
 *
 * <p>Sized for a small machine: replication factor 1, few internal-topic partitions, and a 4 MiB
 * log-cleaner buffer instead of the default 128 MiB of heap.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String HOST = "127.0.0.1";

    private final Path dataDir;
    private final boolean deleteOnClose;
    private final int port;
    private final SaslSslListener saslSsl;
    private final KafkaRaftServer server;
    private boolean closed;

    private EmbeddedKafkaBroker(Path dataDir, boolean deleteOnClose, int port, SaslSslListener saslSsl,
            KafkaRaftServer server) {
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.port = port;
        this.saslSsl = saslSsl;
        this.server = server;
    }

    /**
     * Formats storage in a fresh temporary folder and starts a broker on the given port.
     *
     * @param port the client port on 127.0.0.1, or 0 for any free port
     * @param overrides extra broker properties (e.g. {@code num.partitions})
     */
    public static EmbeddedKafkaBroker start(int port, Map<String, String> overrides) {
        return start(port, null, overrides);
    }

    /**
     * A broker on any free port with a SASL_SSL client listener beside the PLAINTEXT one: the
     * setting of a secured cluster, for the tests of Kafka security.
     */
    public static EmbeddedKafkaBroker start(SaslSslListener saslSsl) {
        return start(0, saslSsl, Map.of());
    }

    private static EmbeddedKafkaBroker start(int port, SaslSslListener saslSsl, Map<String, String> overrides) {
        try {
            Path dir = Files.createTempDirectory("genstream-kafka-");
            return start(dir, true, port == 0 ? freePort() : port, freePort(), saslSsl, overrides);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the broker's data folder", e);
        }
    }

    /** Starts a broker on any free port with default settings. */
    public static EmbeddedKafkaBroker start() {
        return start(0, Map.of());
    }

    /**
     * Starts a broker that keeps its data in {@code dataDir} (formatted on first use only) and
     * listens on fixed ports, so that a broker started again on the same folder and ports, after a
     * crash or a stop, comes back with its topics, offsets and transactions.
     *
     * @param port the client port on 127.0.0.1
     * @param controllerPort the KRaft controller port on 127.0.0.1
     */
    public static EmbeddedKafkaBroker startKeepingData(
            Path dataDir, int port, int controllerPort, Map<String, String> overrides) {
        return start(dataDir, false, port, controllerPort, null, overrides);
    }

    private static EmbeddedKafkaBroker start(Path dataDir, boolean deleteOnClose, int port, int controllerPort,
            SaslSslListener saslSsl, Map<String, String> overrides) {
        Path logDir = dataDir.resolve("log");
        KafkaConfig config = new KafkaConfig(
                brokerProperties(port, controllerPort, logDir, saslSsl, overrides), false);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(config, logDir);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        long started = System.nanoTime();
        server.startup();
        LOG.info(
                "Embedded Kafka broker on {}:{} started in {} ms (data in {})",
                HOST,
                port,
                (System.nanoTime() - started) / 1_000_000,
                dataDir);
        return new EmbeddedKafkaBroker(dataDir, deleteOnClose, port, saslSsl, server);
    }

    private static Properties brokerProperties(
            int port, int controllerPort, Path logDir, SaslSslListener saslSsl, Map<String, String> overrides) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.cleaner.dedupe.buffer.size", "4194304");
        p.put("broker.session.timeout.ms", "3000");
        p.put("broker.heartbeat.interval.ms", "1000");
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        if (saslSsl != null) {
            saslSsl.addTo(p, HOST);
        }
        p.putAll(overrides);
        return p;
    }

    private static void format(KafkaConfig config, Path logDir) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setNodeId(config.nodeId())
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the embedded broker's storage in " + logDir, e);
        }
    }

    /** A port on 127.0.0.1 that is free now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }

    /** The address clients connect to, e.g. {@code 127.0.0.1:9092}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The SASL_SSL listener's address; only for a broker started with one. */
    public String saslSslBootstrapServers() {
        if (saslSsl == null) {
            throw new IllegalStateException("this broker has no SASL_SSL listener");
        }
        return HOST + ":" + saslSsl.port();
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        if (deleteOnClose) {
            try {
                Utils.delete(dataDir.toFile());
            } catch (IOException e) {
                LOG.warn("could not delete {}: {}", dataDir, e.toString());
            }
        }
        LOG.info("Embedded Kafka broker on {}:{} stopped", HOST, port);
    }
}
