package net.trader4.keycloak.otp.channel;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.keycloak.email.EmailException;

class EmailDeliveryChannelTest {

    @Test
    void theLoggedCauseNamesNoRecipient() {
        EmailException failure = new EmailException("Failed to send email", new IllegalStateException("Sending failed",
                new IllegalArgumentException("550 5.1.1 <jane.doe@example.com>: Recipient address rejected")));

        String logged = EmailDeliveryChannel.rootMessage(failure);

        assertTrue(logged.startsWith("IllegalArgumentException: 550 5.1.1 <j"), logged);
        assertFalse(logged.contains("jane.doe@example.com") || logged.contains("example.com"), logged);
    }
}
