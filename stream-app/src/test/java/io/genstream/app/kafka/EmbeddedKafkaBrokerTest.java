package io.genstream.app.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The embedded broker is a real KRaft cluster that advertises loopback only. */
@Tag("integration")
class EmbeddedKafkaBrokerTest {

    @Test
    void startsARealClusterOnLoopbackThatCreatesCompactedTopics() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Collection<Node> nodes = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
            assertThat(nodes).extracting(Node::host).containsExactly("127.0.0.1");

            List<String> created = TopicAdmin.ensureTopics(
                    Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                    List.of("t.a", "t.routes"), Set.of("t.routes"), 2, 1);
            assertThat(created).containsExactlyInAnyOrder("t.a", "t.routes");
            TopicDescription a = admin.describeTopics(List.of("t.a")).allTopicNames().get().get("t.a");
            assertThat(a.partitions()).hasSize(2);
            String policy = admin.describeConfigs(List.of(new org.apache.kafka.common.config.ConfigResource(
                            org.apache.kafka.common.config.ConfigResource.Type.TOPIC, "t.routes")))
                    .all().get().values().iterator().next().get("cleanup.policy").value();
            assertThat(policy).isEqualTo("compact");
            // A second call finds them and creates nothing.
            assertThat(TopicAdmin.ensureTopics(
                    Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                    List.of("t.a", "t.routes"), Set.of("t.routes"), 2, 1)).isEmpty();
        }
    }
}
