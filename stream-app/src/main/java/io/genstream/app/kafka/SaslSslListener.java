package io.genstream.app.kafka;

import java.nio.file.Path;
import java.util.Properties;

/**
 * A client listener that takes SASL/SCRAM-SHA-512 over TLS, added to an embedded broker beside its
 * PLAINTEXT listener (which stays for the controller, the broker itself and local admin on
 * 127.0.0.1). With {@code acls}, the broker runs KRaft's {@code StandardAuthorizer} and refuses
 * whatever no ACL allows; the PLAINTEXT principal ({@code User:ANONYMOUS}) is the super user.
 *
 * @param port the listener's port on 127.0.0.1
 * @param keystore the broker's PKCS12 key store (certificate for 127.0.0.1)
 * @param password the key store's and key's password
 * @param acls whether to authorize every request by ACL
 */
public record SaslSslListener(int port, Path keystore, String password, boolean acls) {

    /** The listener's name and security protocol. */
    public static final String NAME = "SASL_SSL";
    public static final String MECHANISM = "SCRAM-SHA-512";

    void addTo(Properties broker, String host) {
        broker.put("listeners", broker.getProperty("listeners") + "," + NAME + "://" + host + ":" + port);
        broker.put("advertised.listeners",
                broker.getProperty("advertised.listeners") + "," + NAME + "://" + host + ":" + port);
        broker.put("listener.security.protocol.map",
                broker.getProperty("listener.security.protocol.map") + "," + NAME + ":" + NAME);
        broker.put("sasl.enabled.mechanisms", MECHANISM);
        String prefix = "listener.name." + NAME.toLowerCase() + ".";
        broker.put(prefix + MECHANISM.toLowerCase() + ".sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        broker.put(prefix + "ssl.keystore.location", keystore.toString());
        broker.put(prefix + "ssl.keystore.type", "PKCS12");
        broker.put(prefix + "ssl.keystore.password", password);
        broker.put(prefix + "ssl.key.password", password);
        if (acls) {
            broker.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            broker.put("super.users", "User:ANONYMOUS");
            broker.put("allow.everyone.if.no.acl.found", "false");
        }
    }
}
