package net.trader4.keycloak.it.support;

import java.io.File;

import net.trader4.keycloak.testsupport.HeadlessChromium;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Browser tests run in real headless Chromium, never silently in HtmlUnit and never skipped:
 * without Chromium or chromedriver they fail at once and say what to install.
 */
public class RequireChromium implements BeforeAllCallback {

    private static final String INSTALL = HeadlessChromium.INSTALL;

    @Override
    public void beforeAll(ExtensionContext context) {
        String browser = System.getenv("KC_TEST_BROWSER");
        if (!"chrome-headless".equals(browser)) {
            throw new IllegalStateException("Browser tests need KC_TEST_BROWSER=chrome-headless (got " + browser
                    + "); integration-tests/pom.xml sets it for failsafe.");
        }
        String driverDir = System.getenv("CHROMEWEBDRIVER");
        File driver = driverDir == null ? null : new File(driverDir, "chromedriver");
        if (driver == null || !driver.canExecute()) {
            throw new IllegalStateException("chromedriver not found in CHROMEWEBDRIVER=" + driverDir + ". " + INSTALL);
        }
        if (!onPath("chromium") && !onPath("chromium-browser") && !onPath("google-chrome")) {
            throw new IllegalStateException("No Chromium browser on the PATH. " + INSTALL);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
