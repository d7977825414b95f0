package net.trader4.keycloak.it;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.it.support.Mailbox;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.ApiClient.Answer;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.TwilioStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.UserProfileResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPAttributePermissions;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only identifiers whose ownership was proven decide whose account a sign-in enters: an email
 * address the account verified, a number or wallet address in an attribute users cannot edit.
 * Each test is the attack of someone who typed another person's identifier into an account.
 */
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class IdentifierTrustIT {

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mail;

    ApiClient api;

    @BeforeEach
    void relaxNetworkLimits() {
        api = new ApiClient(realm.getBaseUrl());
        TestUsers.liftPerIpCaps(realm);
    }

    @Test
    void anAddressAnAccountNeverVerifiedDoesNotLeadIntoThatAccount() {
        String victim = "victim-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String squatterId = squat(victim);

        Answer sign = api.sign(victim);
        assertEquals(200, sign.status(), "the same answer as for anyone: " + sign);
        assertEquals(0, Mailbox.messagesTo(mail, victim).length, "no code leads into the account that only typed the address");
        assertEquals(400, api.verify(victim, "123456").status());
        assertEquals(victim, realm.admin().users().get(squatterId).toRepresentation().getEmail(),
                "without auto-registration nothing changes");
    }

    @Test
    void withAutoRegistrationTheOwnerGetsAnAccountOfTheirOwnAndTheAddress() {
        String victim = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String squatterId = squat(victim);
        TestUsers.setRealmAttributes(realm, Map.of("trader4.otp.autoRegister", "true"));
        try {
            assertEquals(200, api.sign(victim).status());
            Answer verified = api.verify(victim, Mailbox.codeSentTo(mail, victim, 0));
            assertEquals(200, verified.status(), verified.toString());
            String subject = ApiClient.claims(verified.results().path("access_token").asText()).path("sub").asText();
            assertNotEquals(squatterId, subject, "the owner never lands in the account someone else set up");

            UserRepresentation squatter = realm.admin().users().get(squatterId).toRepresentation();
            assertNull(squatter.getEmail(), "the account that never verified the address lost it");
            assertNotEquals(victim, squatter.getUsername(), "and a username equal to it");
            UserRepresentation owner = realm.admin().users().get(subject).toRepresentation();
            assertEquals(victim, owner.getEmail());
            assertTrue(owner.isEmailVerified());
        } finally {
            TestUsers.removeRealmAttribute(realm, "trader4.otp.autoRegister");
        }
    }

    @Test
    void aNumberUsersCanTypeIntoTheirOwnProfileNeverRoutesASignIn() {
        String number = "+447910" + (100000 + (int) (Math.random() * 899999));
        TestUsers.newUserWith(realm, "mobile_number", number);
        UserProfileResource profiles = realm.admin().users().userProfile();
        UPConfig original = profiles.getConfiguration();
        assertEquals(Set.of("admin"), original.getAttribute("mobile_number").getPermissions().getEdit(),
                "the demo realm lets only admins write a sign-in number");
        try (TwilioStandIn twilio = new TwilioStandIn(Trader4ServerConfig.TWILIO_PORT)) {
            try {
                UPConfig userEditable = profiles.getConfiguration();
                userEditable.getAttribute("mobile_number")
                        .setPermissions(new UPAttributePermissions(Set.of("admin", "user"), Set.of("admin", "user")));
                profiles.update(userEditable);

                Answer refused = api.sign(number);
                assertEquals(400, refused.status(), refused.toString());
                assertEquals("unsupported_identifier", refused.error());
                assertTrue(twilio.requestsTo(TwilioStandIn.MESSAGES).isEmpty(), "no SMS for a number anyone could have typed");
            } finally {
                profiles.update(original);
            }
            Answer admitted = api.sign(number);
            assertEquals(200, admitted.status(), "admin-only again, the number signs in: " + admitted);
            assertEquals(1, twilio.requestsTo(TwilioStandIn.MESSAGES).size());
        }
    }

    /** An account someone set up with {@code email} that nobody verified, and a password of theirs; its id. */
    private String squat(String email) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEmailVerified(false);
        user.setEnabled(true);
        user.setFirstName("Squatting");
        user.setLastName("Account");
        try (Response response = realm.admin().users().create(user)) {
            assertEquals(201, response.getStatus());
        }
        List<UserRepresentation> found = realm.admin().users().searchByEmail(email, true);
        TestUsers.setPassword(realm, email, "the-squatters-password-1");
        return found.get(0).getId();
    }
}
