package net.trader4.keycloak.cluster.support;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The demo realm, as the cluster imports it: mail goes to the local GreenMail with bounded SMTP
 * waits, the per-network caps are lifted because every test request comes from 127.0.0.1, and
 * the Google broker is on (with placeholder credentials) so that hostile input reaches the Google
 * endpoints' own checks. Nothing contacts Google: {@code /google} only answers a redirect, and a
 * callback reaches the code exchange only with a {@code state} the server issued.
 */
final class ClusterRealm {

    /** Keycloak's SMTP timeouts (realm {@code smtpServer} keys, milliseconds; Keycloak's default is 10000). */
    static final String SMTP_TIMEOUT_MILLIS = "3000";

    private ClusterRealm() {
    }

    static String json(Path demoRealm, int smtpPort) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode realm = (ObjectNode) mapper.readTree(demoRealm.toFile());
        // Wrong API codes count for brute-force detection; its quick-login check would lock a test's
        // account after two wrong codes a few milliseconds apart, which no person types.
        realm.put("quickLoginCheckMilliSeconds", 0);
        ObjectNode smtp = realm.putObject("smtpServer");
        smtp.put("host", "127.0.0.1");
        smtp.put("port", String.valueOf(smtpPort));
        smtp.put("from", "login@trader4.test");
        smtp.put("timeout", SMTP_TIMEOUT_MILLIS);
        smtp.put("connectionTimeout", SMTP_TIMEOUT_MILLIS);
        smtp.put("writeTimeout", SMTP_TIMEOUT_MILLIS);
        ObjectNode attributes = realm.with("attributes");
        attributes.put("trader4.otp.sendsPerIpPerHour", "100000");
        attributes.put("trader4.otp.failuresPerIpPerHour", "100000");
        // All tests share one realm and come from one address: the realm-wide guessing budget is not what they test.
        attributes.put("trader4.otp.failuresPerRealmPerHour", "1000000");
        // The hostile run starts thousands of Google sign-ins from one address: its checks, not the cap, must answer.
        attributes.put("trader4.otp.googleStartsPerIpPerHour", "100000");
        // Tests address each node by its own port, with no balancer and no single hostname in front: QR links
        // name the node a request reached, by the operator's choice this attribute records.
        attributes.put("trader4.requestHostTrusted", "true");
        attributes.put("trader4.otp.resendCooldownSeconds", "0");
        attributes.put("trader4.otp.sendsPerIdentifierPerHour", "100");
        // The hostile run sends a few valid-looking numbers too: the phone caps must not run dry for the fault tests.
        attributes.put("trader4.otp.phoneSendsPerPrefixPerHour", "100000");
        attributes.put("trader4.otp.phoneSendsPerCountryPerHour", "1000000");
        attributes.put("trader4.otp.phoneSendsPerHour", "1000000");
        for (JsonNode provider : realm.withArray("identityProviders")) {
            if ("google".equals(provider.path("alias").asText())) {
                ((ObjectNode) provider).put("enabled", true);
                ((ObjectNode) provider).with("config").put("clientId", "cluster-test-client").put("clientSecret", "cluster-test-secret");
            }
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(realm);
    }
}
