package net.trader4.keycloak.docker.support;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The realm an operator creates in the production image: the shipped realm's configuration
 * (clients, flows, profile attributes) without its demo user, mailing through the given server.
 */
public final class OperatorRealm {

    private OperatorRealm() {
    }

    public static ObjectNode from(Path shippedRealm, String smtpHost, int smtpPort) throws IOException {
        ObjectNode realm = (ObjectNode) new ObjectMapper().readTree(shippedRealm.toFile());
        realm.remove("users");
        realm.putObject("smtpServer").put("host", smtpHost).put("port", String.valueOf(smtpPort))
                .put("from", "login@trader4.test").put("connectionTimeout", "10000").put("timeout", "10000");
        return realm;
    }
}
