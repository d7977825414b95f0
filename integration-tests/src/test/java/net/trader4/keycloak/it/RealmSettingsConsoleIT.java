package net.trader4.keycloak.it;

import java.time.Duration;

import net.trader4.keycloak.it.support.RequireChromium;
import net.trader4.keycloak.it.support.Screenshots;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An administrator changes a trader4 setting on the realm's trader4 tab of the admin console, in Chromium. */
@ExtendWith(RequireChromium.class)
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class RealmSettingsConsoleIT {

    private static final String CODE_LENGTH = "trader4.otp.codeLength";
    private static final By CODE_LENGTH_FIELD = By.xpath("//input[contains(@id,'codeLength') or contains(@data-testid,'codeLength')"
            + " or contains(@name,'codeLength')]");

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver browser;

    @AfterEach
    void defaults() {
        TestUsers.removeRealmAttribute(realm, CODE_LENGTH);
        realm.admin().components().query(realm.admin().toRepresentation().getId(), "org.keycloak.services.ui.extend.UiTabProvider")
                .forEach(tab -> realm.admin().components().component(tab.getId()).remove());
    }

    @Test
    void anAdministratorChangesTheCodeLengthOnTheTrader4Tab() {
        WebDriver driver = browser.driver();
        String server = realm.getBaseUrl().substring(0, realm.getBaseUrl().indexOf("/realms/"));
        driver.get(server + "/admin/master/console/#/" + realm.getName() + "/realm-settings/trader4");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys("admin");
        driver.findElement(By.id("kc-login")).click();

        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(CODE_LENGTH_FIELD));
        Screenshots.save(driver, "admin-console-trader4-tab");
        field.clear();
        field.sendKeys("9");
        WebElement save = driver.findElement(By.cssSelector("button[data-testid=save]"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", save);
        save.click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[class*='c-alert']")));
        Screenshots.save(driver, "admin-console-trader4-tab-saved");
        Waits.until("the console saved the code length into the realm",
                () -> "9".equals(realm.admin().toRepresentation().getAttributes().get(CODE_LENGTH)));
    }
}
