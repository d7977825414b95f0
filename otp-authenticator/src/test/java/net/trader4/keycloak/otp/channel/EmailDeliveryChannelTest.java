package net.trader4.keycloak.otp.channel;

import static org.junit.jupiter.api.Assertions.*;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.keycloak.email.EmailException;
import org.keycloak.models.UserModel;

class EmailDeliveryChannelTest {

    @Test
    void theLoggedCauseNamesNoRecipient() {
        EmailException failure = new EmailException("Failed to send email", new IllegalStateException("Sending failed",
                new IllegalArgumentException("550 5.1.1 <jane.doe@example.com>: Recipient address rejected")));

        String logged = EmailDeliveryChannel.rootMessage(failure);

        assertTrue(logged.startsWith("IllegalArgumentException: 550 5.1.1 <j"), logged);
        assertFalse(logged.contains("jane.doe@example.com") || logged.contains("example.com"), logged);
    }

    @Test
    void theMailGoesToTheAddressTheCodeIsForInTheAccountsName() {
        UserModel account = mock(UserModel.class);
        when(account.getEmail()).thenReturn("old@example.com");
        when(account.getId()).thenReturn("account-id");
        when(account.getFirstName()).thenReturn("Jane");

        UserModel addressee = new EmailDeliveryChannel.Addressee(account, "new@example.com");

        assertEquals("new@example.com", addressee.getEmail());
        assertEquals("account-id", addressee.getId());
        assertEquals("Jane", addressee.getFirstName());
    }
}
