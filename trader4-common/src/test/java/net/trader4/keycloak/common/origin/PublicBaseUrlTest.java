package net.trader4.keycloak.common.origin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicBaseUrlTest {

    private static final String TOKEN = "tr0123456789abcdef0123456789abcdef";

    @Test
    void theHandedOutAddressesAreTheContractsPathsOnThePublicBase() {
        PublicBaseUrl api = PublicBaseUrl.parse("https://api.example.com");
        assertEquals("https://api.example.com", api.server());
        assertEquals("https://api.example.com/v1/oauth/qr/" + TOKEN + ".png", api.qrImage(TOKEN));
        assertEquals("https://api.example.com/v1/oauth/google/callback", api.googleCallback());
    }

    @Test
    void aProxyThatServesTheApiBelowAPathKeepsItsPathAndPort() {
        PublicBaseUrl api = PublicBaseUrl.parse("https://example.com:8443/api");
        assertEquals("https://example.com:8443/api", api.server());
        assertEquals("https://example.com:8443/api/v1/oauth/qr/" + TOKEN + ".png", api.qrImage(TOKEN));
    }

    @Test
    void trailingSlashesSurroundingSpaceAndTheSchemesCaseAreNormalised() {
        assertEquals("https://api.example.com", PublicBaseUrl.parse("  https://api.example.com/ ").server());
        assertEquals("https://api.example.com", PublicBaseUrl.parse("HTTPS://api.example.com//").server());
        assertEquals("https://example.com/api", PublicBaseUrl.parse("https://example.com/api/").server());
        assertEquals("https://api.example.com/v1/oauth/google/callback",
                PublicBaseUrl.parse("https://api.example.com/").googleCallback(), "never a double slash");
    }

    @Test
    void plainHttpIsAcceptedForALoopbackHostOnly() {
        assertEquals("http://127.0.0.1:8081", PublicBaseUrl.parse("http://127.0.0.1:8081/").server());
        assertEquals("http://localhost:8081", PublicBaseUrl.parse("http://localhost:8081").server());
        assertEquals("http://[::1]:8081", PublicBaseUrl.parse("http://[::1]:8081").server());
        assertRefused("http://api.example.com", "https");
        assertRefused("http://10.0.0.5:8080", "https");
        assertRefused("http://127.0.0.1.example.com", "https");
    }

    @Test
    void whatCannotBeTheApisPublicAddressIsRefusedSayingWhy() {
        assertRefused("", "empty");
        assertRefused("   ", "empty");
        assertRefused("api.example.com", "absolute");
        assertRefused("/v1/oauth", "absolute");
        assertRefused("mailto:api@example.com", "absolute");
        assertRefused("ftp://api.example.com", "https");
        assertRefused("https://api.example.com/a b", "not a URL");
        assertRefused("https://user:secret@api.example.com", "user name or password");
        assertRefused("https://api.example.com/?realm=trader4", "query");
        assertRefused("https://api.example.com/?", "query");
        assertRefused("https://api.example.com/#top", "fragment");
        assertRefused("https://api.example.com/v1/oauth", "/v1/oauth");
        assertRefused("https://api.example.com/v1/oauth/", "/v1/oauth");
    }

    @Test
    void anUnsetValueIsNoSettingAndWarnsNothing() {
        List<String> warnings = new ArrayList<>();
        assertEquals(Optional.empty(), PublicBaseUrl.read(realmId(), "demo", null, warnings::add));
        assertEquals(Optional.empty(), PublicBaseUrl.read(realmId(), "demo", " ", warnings::add));
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void anInvalidValueIsIgnoredWithOneWarningPerValueNotPerRequest() {
        String realmId = realmId();
        List<String> warnings = new ArrayList<>();
        for (int request = 0; request < 3; request++) {
            assertEquals(Optional.empty(), PublicBaseUrl.read(realmId, "demo", "http://api.example.com", warnings::add));
        }
        assertEquals(1, warnings.size(), warnings.toString());
        String warning = warnings.get(0);
        assertTrue(warning.contains("demo") && warning.contains(PublicBaseUrl.ATTRIBUTE) && warning.contains("https")
                && warning.contains("ignored"), warning);

        PublicBaseUrl.read(realmId, "demo", "https://api.example.com/?x", warnings::add);
        assertEquals(2, warnings.size(), "another invalid value is reported again: " + warnings);
        assertEquals("https://api.example.com",
                PublicBaseUrl.read(realmId, "demo", "https://api.example.com", warnings::add).orElseThrow().server());
        PublicBaseUrl.read(realmId, "demo", "https://api.example.com/?x", warnings::add);
        assertEquals(3, warnings.size(), "a value that comes back after a valid one is reported again: " + warnings);
    }

    @Test
    void aWarningNeverRepeatsTheValueItself() {
        List<String> warnings = new ArrayList<>();
        PublicBaseUrl.read(realmId(), "demo", "https://admin:s3cret@api.example.com", warnings::add);
        assertEquals(1, warnings.size());
        assertFalse(warnings.get(0).contains("s3cret"), warnings.get(0));
    }

    private static void assertRefused(String value, String reasonSays) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PublicBaseUrl.parse(value),
                () -> "accepted: '" + value + "'");
        assertTrue(refused.getMessage().contains(reasonSays), "'" + value + "' refused with: " + refused.getMessage());
    }

    private static String realmId() {
        return UUID.randomUUID().toString();
    }
}
