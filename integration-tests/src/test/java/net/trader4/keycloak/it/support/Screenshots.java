package net.trader4.keycloak.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/** PNG screenshots of the login pages under target/screenshots, for review and the README. */
public final class Screenshots {

    private static final Path FOLDER = Path.of("target", "screenshots");

    private Screenshots() {
    }

    public static void save(WebDriver driver, String name) {
        try {
            Files.createDirectories(FOLDER);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(FOLDER.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new IllegalStateException("Screenshot " + name + " not saved", e);
        }
    }
}
