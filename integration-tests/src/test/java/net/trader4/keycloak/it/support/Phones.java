package net.trader4.keycloak.it.support;

import java.io.File;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A second, independent browser: the phone that scans the QR code. Its own profile, so it shares
 * no cookie with the desktop browser the test framework injects.
 */
public final class Phones {

    private static final String ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

    private Phones() {
    }

    public static ChromeDriver headlessChrome() {
        ChromeDriverService.Builder service = new ChromeDriverService.Builder();
        String driverDir = System.getenv("CHROMEWEBDRIVER");
        if (driverDir != null && new File(driverDir, "chromedriver").canExecute()) {
            service.usingDriverExecutable(new File(driverDir, "chromedriver"));
        }
        ChromeOptions options = new ChromeOptions();
        options.addArguments("--headless=new", "--disable-gpu", "--window-size=412,915", "--disable-dev-shm-usage",
                "--no-sandbox", "--remote-allow-origins=*", "--user-agent=" + ANDROID_CHROME);
        return new ChromeDriver(service.build(), options);
    }
}
