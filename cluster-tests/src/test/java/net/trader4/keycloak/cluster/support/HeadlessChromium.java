package net.trader4.keycloak.cluster.support;

import java.io.File;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real headless Chromium through the system's chromedriver (never downloaded, never skipped): a
 * missing browser or driver fails at once and says what to install.
 */
public final class HeadlessChromium {

    private static final String INSTALL = "Install them with: apt-get update && apt-get install -y chromium chromium-driver";
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    public static ChromeDriver start() {
        if (!DRIVER.canExecute()) {
            throw new IllegalStateException("chromedriver not found at " + DRIVER + ". " + INSTALL);
        }
        File binary = firstExecutable("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        if (binary == null) {
            throw new IllegalStateException("No Chromium browser found. " + INSTALL);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--no-proxy-server", "--disable-gpu");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    private static File firstExecutable(String... paths) {
        for (String path : paths) {
            File file = new File(path);
            if (file.canExecute()) {
                return file;
            }
        }
        return null;
    }
}
