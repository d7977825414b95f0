package net.trader4.keycloak.it;

import java.util.Set;

import net.trader4.keycloak.it.support.Mailbox;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.ApiClient.Answer;
import net.trader4.keycloak.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.UserProfileResource;
import org.keycloak.representations.userprofile.config.UPAttributeRequired;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The API cannot run required actions, so, like Keycloak's password grant, it hands no tokens to
 * an account with one pending: stored ones, and those Keycloak raises by trigger at login.
 */
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class AccountReadinessIT {

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    ApiClient api;

    @BeforeEach
    void relaxNetworkLimits() {
        api = new ApiClient(realm.getBaseUrl());
        TestUsers.liftPerIpCaps(realm);
        TestUsers.setRealmAttributes(realm, java.util.Map.of("trader4.otp.resendCooldownSeconds", "0"));
    }

    @org.junit.jupiter.api.AfterEach
    void restoreCooldown() {
        TestUsers.removeRealmAttribute(realm, "trader4.otp.resendCooldownSeconds");
    }

    @Test
    void aRequiredActionKeycloakRaisesAtLoginIsNotSkippedByTheApi() {
        String email = TestUsers.newEmailUser(realm);
        UserProfileResource profiles = realm.admin().users().userProfile();
        UPConfig original = profiles.getConfiguration();
        UPConfig countryRequired = profiles.getConfiguration();
        countryRequired.getAttribute("country").setRequired(new UPAttributeRequired(Set.of("user"), Set.of()));
        profiles.update(countryRequired);
        try {
            assertEquals(200, api.sign(email).status());
            Answer refused = api.verify(email, Mailbox.codeSentTo(mail, email, 0));
            assertEquals(403, refused.status(), "an incomplete profile gets no tokens: " + refused);
            assertEquals("account_not_ready", refused.error());
        } finally {
            profiles.update(original);
        }

        // Without the requirement nothing is pending: the same account signs in.
        assertEquals(200, api.sign(email).status());
        Answer signedIn = api.verify(email, Mailbox.codeSentTo(mail, email, 1));
        assertEquals(200, signedIn.status(), "with nothing pending the same account signs in: " + signedIn);
    }
}
