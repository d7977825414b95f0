package net.trader4.keycloak.testsupport;

import java.io.File;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real headless Chromium through the system's chromedriver (never downloaded, never skipped): a
 * missing browser or driver fails at once and says what to install. Each call is a new browser
 * with its own profile, sharing no cookie with any other.
 */
public final class HeadlessChromium {

    public static final String INSTALL = "Install them with: apt-get update && apt-get install -y chromium chromium-driver";

    private HeadlessChromium() {
    }

    /** A desktop-sized browser. */
    public static ChromeDriver start() {
        return start(1280, 900, null);
    }

    /** A browser with this window size and, unless null, this user agent (a phone's, say). */
    public static ChromeDriver start(int width, int height, String userAgent) {
        File driver = driver();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-proxy-server", "--window-size=" + width + "," + height);
        if (userAgent != null) {
            options.addArguments("--user-agent=" + userAgent);
        }
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver).build(), options);
        browser.manage().timeouts().pageLoadTimeout(Waits.BOUND);
        return browser;
    }

    /** chromedriver from {@code CHROMEWEBDRIVER} (the directory the test framework uses too), else /usr/bin. */
    public static File driver() {
        String directory = System.getenv("CHROMEWEBDRIVER");
        File driver = new File(directory == null ? "/usr/bin" : directory, "chromedriver");
        if (!driver.canExecute()) {
            throw new IllegalStateException("chromedriver not found at " + driver + ". " + INSTALL);
        }
        return driver;
    }

    /** The Chromium (or Chrome) browser binary. */
    public static File browser() {
        for (String path : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
            File file = new File(path);
            if (file.canExecute()) {
                return file;
            }
        }
        throw new IllegalStateException("No Chromium browser found. " + INSTALL);
    }
}
