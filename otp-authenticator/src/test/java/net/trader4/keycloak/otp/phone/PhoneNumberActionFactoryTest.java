package net.trader4.keycloak.otp.phone;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhoneNumberActionFactoryTest {

    private final PhoneNumberActionFactory factory = new PhoneNumberActionFactory();

    @Test
    void isARequiredActionUsersCanStartFromAnApplication() {
        assertEquals("trader4-verified-phone-number", factory.getId());
        assertEquals(InitiatedActionSupport.SUPPORTED, factory.create(null).initiatedActionSupport());
        assertTrue(factory.getConfigMetadata().containsAll(RequiredActionFactory.MAX_AUTH_AGE_CONFIG_PROPERTIES),
                "admins may tune how recent the sign-in must be");
    }

    @Test
    void isRegisteredAsAProvider() throws IOException {
        try (InputStream services = getClass().getResourceAsStream(
                "/META-INF/services/org.keycloak.authentication.RequiredActionFactory")) {
            assertNotNull(services);
            assertTrue(new String(services.readAllBytes(), StandardCharsets.UTF_8).contains(PhoneNumberActionFactory.class.getName()));
        }
    }

    @Test
    void theDemoRealmHasItEnabled() throws IOException {
        String realm = Files.readString(Path.of("..", "realm", "trader4-realm.json"));
        assertTrue(realm.replaceAll("\\s", "").contains(
                "\"alias\":\"trader4-verified-phone-number\",\"name\":\"trader4Verifiedphonenumber\","
                        + "\"providerId\":\"trader4-verified-phone-number\",\"enabled\":true"), "listed and enabled");
    }
}
