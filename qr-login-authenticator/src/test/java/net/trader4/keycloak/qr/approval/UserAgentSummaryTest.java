package net.trader4.keycloak.qr.approval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UserAgentSummaryTest {

    @Test
    void namesCommonBrowsersAndSystems() {
        assertEquals("Chrome on Windows", UserAgentSummary.describe(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"));
        assertEquals("Edge on Windows", UserAgentSummary.describe(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"));
        assertEquals("Safari on macOS", UserAgentSummary.describe(
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15"));
        assertEquals("Firefox on Linux", UserAgentSummary.describe(
                "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"));
        assertEquals("Chrome on Android", UserAgentSummary.describe(
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"));
        assertEquals("Safari on iOS", UserAgentSummary.describe(
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"));
        assertEquals("curl", UserAgentSummary.describe("curl/8.5.0"));
    }

    @Test
    void admitsWhatItDoesNotKnow() {
        assertEquals("an unknown device", UserAgentSummary.describe(null));
        assertEquals("an unknown device", UserAgentSummary.describe(""));
        assertEquals("an unknown device", UserAgentSummary.describe("SomethingElse/1.0"));
    }
}
