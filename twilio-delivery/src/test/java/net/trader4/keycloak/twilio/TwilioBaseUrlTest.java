package net.trader4.keycloak.twilio;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.URL;

import org.junit.jupiter.api.Test;

class TwilioBaseUrlTest {

    @Test
    void keepsPathAndQueryAndSwapsSchemeHostAndPort() throws Exception {
        URL original = URI.create("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?PageSize=20&To=%2B44").toURL();

        URL redirected = TwilioBaseUrl.parse("http://127.0.0.1:8089").redirect(original);

        assertEquals("http://127.0.0.1:8089/2010-04-01/Accounts/AC1/Messages.json?PageSize=20&To=%2B44",
                redirected.toString());
    }

    @Test
    void aBaseWithoutPortUsesTheSchemesDefault() throws Exception {
        URL original = URI.create("https://verify.twilio.com/v2/Services/VA1/Verifications").toURL();

        assertEquals("https://egress.example.net/v2/Services/VA1/Verifications",
                TwilioBaseUrl.parse("HTTPS://egress.example.net/").redirect(original).toString());
    }

    @Test
    void refusesWhatWouldBeSilentlyDropped() {
        assertThrows(IllegalArgumentException.class, () -> TwilioBaseUrl.parse("http://127.0.0.1:8089/twilio"));
        assertThrows(IllegalArgumentException.class, () -> TwilioBaseUrl.parse("http://user:pw@127.0.0.1:8089"));
        assertThrows(IllegalArgumentException.class, () -> TwilioBaseUrl.parse("http://127.0.0.1:8089?x=1"));
    }

    @Test
    void refusesOtherSchemesAndMissingHosts() {
        assertThrows(IllegalArgumentException.class, () -> TwilioBaseUrl.parse("ftp://127.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> TwilioBaseUrl.parse("127.0.0.1:8089"));
        assertThrows(IllegalArgumentException.class, () -> TwilioBaseUrl.parse("http://"));
    }

    @Test
    void plainHttpOnlyToThisMachine() {
        for (String local : new String[] {"http://127.0.0.1:8089", "http://127.255.3.4", "http://localhost:1",
                "http://LOCALHOST", "http://[::1]:8089"}) {
            assertDoesNotThrow(() -> TwilioBaseUrl.parse(local), local);
        }
        for (String remote : new String[] {"http://attacker.example", "http://10.0.0.5:8089", "http://128.0.0.1",
                "http://127.0.0.1.attacker.example", "http://localhost.attacker.example", "http://[::2]"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> TwilioBaseUrl.parse(remote), remote);
            assertTrue(refused.getMessage().contains("https://"), refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> TwilioBaseUrl.parse("http://127.0.0.256"));
        assertEquals("attacker.example", TwilioBaseUrl.parse("https://attacker.example").host());
    }
}
