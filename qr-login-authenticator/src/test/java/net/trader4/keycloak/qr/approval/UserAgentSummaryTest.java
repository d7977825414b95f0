package net.trader4.keycloak.qr.approval;

import java.text.MessageFormat;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UserAgentSummaryTest {

    @Test
    void namesCommonBrowsersAndSystems() {
        assertDescribed("Chrome on Windows",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36");
        assertDescribed("Edge on Windows",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0");
        assertDescribed("Safari on macOS",
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15");
        assertDescribed("Firefox on Linux", "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0");
        assertDescribed("Chrome on Android",
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36");
        assertDescribed("Safari on iOS",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1");
        assertDescribed("curl", "curl/8.5.0");
        assertDescribed("a browser on Linux", "Mozilla/5.0 (X11; Linux x86_64)");
    }

    @Test
    void namesProgramsByTheirKind() {
        assertEquals(DeviceSummary.JAVA_PROGRAM, UserAgentSummary.describe("Java-http-client/17.0.2").getKey());
        assertEquals(DeviceSummary.ANDROID_APP, UserAgentSummary.describe("okhttp/4.12.0").getKey());
        assertEquals(DeviceSummary.PYTHON_PROGRAM, UserAgentSummary.describe("python-requests/2.31 (Linux)").getKey());
    }

    @Test
    void admitsWhatItDoesNotKnow() {
        assertDescribed("an unknown device", null);
        assertDescribed("an unknown device", "");
        assertDescribed("an unknown device", "SomethingElse/1.0");
    }

    /** The summary in English, as the theme's messages word it. */
    private static void assertDescribed(String english, String userAgent) {
        DeviceSummary device = UserAgentSummary.describe(userAgent);
        String pattern = ThemeMessages.of("en").getProperty(device.getKey());
        assertEquals(english, MessageFormat.format(pattern, device.getBrowser(), device.getSystem()), device.toString());
    }
}
