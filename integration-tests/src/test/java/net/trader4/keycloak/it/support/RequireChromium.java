package net.trader4.keycloak.it.support;

import net.trader4.keycloak.testsupport.HeadlessChromium;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Browser tests run in real headless Chromium, never silently in HtmlUnit and never skipped:
 * without Chromium or chromedriver they fail at once and say what to install.
 */
public class RequireChromium implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        String browser = System.getenv("KC_TEST_BROWSER");
        if (!"chrome-headless".equals(browser)) {
            throw new IllegalStateException("Browser tests need KC_TEST_BROWSER=chrome-headless (got " + browser
                    + "); integration-tests/pom.xml sets it for failsafe.");
        }
        // The framework's browser takes chromedriver from CHROMEWEBDRIVER only (else it downloads one).
        if (System.getenv("CHROMEWEBDRIVER") == null) {
            throw new IllegalStateException("Browser tests need CHROMEWEBDRIVER, the directory of chromedriver; "
                    + "integration-tests/pom.xml sets it for failsafe.");
        }
        HeadlessChromium.driver();
        HeadlessChromium.browser();
    }
}
