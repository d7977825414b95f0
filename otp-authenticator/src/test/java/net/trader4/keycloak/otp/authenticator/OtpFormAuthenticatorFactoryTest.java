package net.trader4.keycloak.otp.authenticator;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import net.trader4.keycloak.otp.config.OtpConfigProperties;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.provider.ProviderConfigProperty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OtpFormAuthenticatorFactoryTest {

    private final OtpFormAuthenticatorFactory factory = new OtpFormAuthenticatorFactory();

    @Test
    void reportsTheOtpBruteForceCategory() {
        // Keycloak 26.6+ counts only failures of the categories password, otp and recovery-authn-codes.
        assertEquals("otp", factory.getReferenceCategory());
    }

    @Test
    void isAnAlternativeThatNeedsNoUser() {
        assertTrue(List.of(factory.getRequirementChoices()).contains(Requirement.ALTERNATIVE));
        assertFalse(factory.create(null).requiresUser());
        assertEquals("trader4-otp-form", factory.getId());
        assertEquals("trader4 OTP by identifier", factory.getDisplayType());
    }

    @Test
    void offersOnlyWhatIsTrulyPerFlow() {
        // Code length, lifetime, tries, limits, channels and registration are the realm's, which the API shares.
        Set<String> names = factory.getConfigProperties().stream().map(ProviderConfigProperty::getName).collect(Collectors.toSet());
        assertEquals(Set.of(OtpConfigProperties.ALLOWED_IDENTIFIER_TYPES), names);
        assertTrue(factory.isConfigurable());
    }

    @Test
    void everySettingExplainsItsFallback() {
        for (ProviderConfigProperty property : factory.getConfigProperties()) {
            assertTrue(property.getHelpText().contains("realm"), property.getName());
            assertFalse(property.getLabel().isBlank(), property.getName());
        }
    }
}
