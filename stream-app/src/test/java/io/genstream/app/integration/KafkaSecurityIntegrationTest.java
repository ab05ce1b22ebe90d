package io.genstream.app.integration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genstream.app.GenstreamApplication;
import io.genstream.app.Generators;
import io.genstream.app.TestModels;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.kafka.EmbeddedKafkaBroker;
import io.genstream.app.kafka.SaslSslListener;
import io.genstream.app.metrics.GenstreamMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A broker that takes clients only over SASL_SSL (SCRAM-SHA-512 over TLS) and authorizes every
 * request by ACL: the app connects through configuration alone and generates; wrong credentials
 * are refused; the app's principal reaches its own topics, group and transactional ids only.
 */
@Tag("integration")
class KafkaSecurityIntegrationTest {

    private static final String APP = "sec-app";
    private static final String APP_USER = "genstream-app";
    private static final String APP_PASSWORD = "app-secret";
    private static final String PREFIX = "sec-it.";
    private static final String OTHER_TOPIC = "payroll";
    private static Path work;
    private static TlsStores tls;
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startSecuredBroker() throws Exception {
        work = Files.createTempDirectory("security-it-");
        tls = TlsStores.create(work, "store-secret");
        broker = EmbeddedKafkaBroker.start(new SaslSslListener(EmbeddedKafkaBroker.freePort(), tls.keystore(),
                tls.password(), true));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(APP_USER,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), APP_PASSWORD))).all().get();
            admin.createAcls(appAcls()).all().get();
            admin.createTopics(List.of(new NewTopic(OTHER_TOPIC, 1, (short) 1))).all().get();
        }
        awaitCredentials();
    }

    /** The new user's credentials reach the listener through the metadata log: wait until they work. */
    private static void awaitCredentials() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Admin admin = Admin.create(clientProps(APP_USER, APP_PASSWORD))) {
                admin.listTopics().names().get();
                return;
            } catch (ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the app user cannot authenticate", e);
                }
                Thread.sleep(200);
            }
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
        Utils.delete(work.toFile());
    }

    /** What the README lists: the app's topics and internal topics, its group, its transactional ids. */
    static List<AclBinding> appAcls() {
        String principal = "User:" + APP_USER;
        return List.of(
                allow(ResourceType.TOPIC, PREFIX, principal, AclOperation.ALL),
                allow(ResourceType.TOPIC, APP + "-", principal, AclOperation.ALL),
                allow(ResourceType.GROUP, APP, principal, AclOperation.READ),
                allow(ResourceType.TRANSACTIONAL_ID, APP, principal, AclOperation.WRITE),
                allow(ResourceType.TRANSACTIONAL_ID, APP, principal, AclOperation.DESCRIBE));
    }

    private static AclBinding allow(ResourceType type, String prefix, String principal, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, prefix, PatternType.PREFIXED),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    /** The client settings an operator puts in genstream.properties, as {@code kafka.*} keys. */
    private static Map<String, String> clientSecurity(String user, String password) {
        return Map.of(
                "kafka.security.protocol", "SASL_SSL",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"" + user + "\" password=\"" + password + "\";",
                "kafka.ssl.truststore.location", tls.truststore().toString(),
                "kafka.ssl.truststore.type", "PKCS12",
                "kafka.ssl.truststore.password", tls.password());
    }

    private static GenstreamConfig appConfig(String user, String password) {
        Map<String, String> values = new HashMap<>(clientSecurity(user, password));
        values.put(GenstreamConfig.BOOTSTRAP_SERVERS.name(), broker.saslSslBootstrapServers());
        values.put(GenstreamConfig.APPLICATION_ID.name(), APP);
        values.put(GenstreamConfig.TOPIC_PREFIX.name(), PREFIX);
        values.put(GenstreamConfig.TOPIC_REPLICATION.name(), "1");
        values.put(GenstreamConfig.MODELS_DIR.name(), TestModels.MODEL_STORE.toString());
        values.put(GenstreamConfig.DEVICE.name(), "cpu");
        return GenstreamConfig.of(values);
    }

    private static Map<String, Object> clientProps(String user, String password) {
        Map<String, Object> props = new HashMap<>(GenstreamApplication.clientConfig(appConfig(user, password)));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }

    @Test
    void theAppConnectsOverSaslSslThroughConfigurationAloneAndGenerates() throws Exception {
        GenstreamConfig config = appConfig(APP_USER, APP_PASSWORD);
        GenstreamMetrics metrics = new GenstreamMetrics(new SimpleMeterRegistry());
        try (ModelCatalog models = Generators.load(config, metrics);
                GenstreamApplication app = GenstreamApplication.start(config, models, metrics)) {
            app.awaitRunning(Duration.ofSeconds(90));
            // Requests come from a trusted client on the local PLAINTEXT listener; only the app is secured here.
            GenstreamConfig local = TestModels.config()
                    .with(GenstreamConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
            Map<String, Integer> expected = RequestTraffic.produce(local, app.topics().noiseSeeds().name(), "sec-",
                    50, 2, 9L);
            try (ContentLedger ledger = new ContentLedger(local, app.topics().content().name(), "sec-it-check")) {
                ledger.readUntil(RequestTraffic.total(expected), Duration.ofMinutes(2));
                ledger.readFor(Duration.ofSeconds(1));
                ledger.assertExactly(expected);
            }
        }
    }

    @Test
    void aClientWithAWrongPasswordIsRefused() {
        try (Admin admin = Admin.create(clientProps(APP_USER, "not-the-password"))) {
            assertThatThrownBy(() -> admin.listTopics().names().get())
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void theAppPrincipalIsRefusedAnotherTopicAnotherGroupAndAnotherTransactionalId() {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                clientProps(APP_USER, APP_PASSWORD), new ByteArraySerializer(), new ByteArraySerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(OTHER_TOPIC,
                    "x".getBytes(StandardCharsets.UTF_8))).get())
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TopicAuthorizationException.class);
        }
        Map<String, Object> ownGroup = clientProps(APP_USER, APP_PASSWORD);
        ownGroup.put(ConsumerConfig.GROUP_ID_CONFIG, APP);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(ownGroup, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(OTHER_TOPIC));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
        Map<String, Object> otherGroup = clientProps(APP_USER, APP_PASSWORD);
        otherGroup.put(ConsumerConfig.GROUP_ID_CONFIG, "someone-else");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(otherGroup, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(PREFIX + "noise-seeds"));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(GroupAuthorizationException.class);
        }
        Map<String, Object> otherTransactions = clientProps(APP_USER, APP_PASSWORD);
        otherTransactions.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "someone-else-tx");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(otherTransactions,
                new ByteArraySerializer(), new ByteArraySerializer())) {
            assertThatThrownBy(producer::initTransactions)
                    .isInstanceOf(TransactionalIdAuthorizationException.class);
        }
    }
}
