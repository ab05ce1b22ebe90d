package io.genstream.app.integration;

import io.genstream.app.TestModels;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The flags of a {@code genstream run} child process in a test: one app, its own topics and state. */
final class AppFlags {

    private AppFlags() {}

    /**
     * @param bootstrapServers the broker
     * @param applicationId the app's id (consumer group, transactional ids)
     * @param topicPrefix its topics' prefix
     * @param stateDir its state folder, kept across restarts like a real host's disk
     */
    static Map<String, String> of(String bootstrapServers, String applicationId, String topicPrefix, Path stateDir) {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("bootstrap.servers", bootstrapServers);
        flags.put("models.dir", TestModels.MODEL_STORE.toString());
        flags.put("application.id", applicationId);
        flags.put("topic.prefix", topicPrefix);
        flags.put("device", "cpu");
        flags.put("streams.state.dir", stateDir.toString());
        // A killed member is noticed after this long, not after the 45 s default.
        flags.put("kafka.session.timeout.ms", "6000");
        // Static membership: a restarted instance takes its predecessor's place in the group at
        // once instead of waiting for the session of the killed one to expire.
        flags.put("kafka.main.consumer.group.instance.id", applicationId + "-instance");
        return flags;
    }
}
