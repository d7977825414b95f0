package net.trader4.keycloak.otp.channel.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The settings without TLS or login, which need no Keycloak truststore; the rest runs in EmailConnectionReuseIT. */
class SmtpPropertiesTest {

    @Test
    void unsetTimeoutsAreKeycloaksTenSecondsAndTheSenderNamesTheLocalAddress() {
        Properties props = SmtpProperties.of(Map.of("host", "mail.example.test", "from", "a@example.test"), "a@example.test", null);

        assertEquals("mail.example.test", props.getProperty("mail.smtp.host"));
        assertNull(props.getProperty("mail.smtp.port"));
        assertEquals("10000", props.getProperty("mail.smtp.timeout"));
        assertEquals("10000", props.getProperty("mail.smtp.connectiontimeout"));
        assertEquals("10000", props.getProperty("mail.smtp.writetimeout"));
        assertEquals("a@example.test", props.getProperty("mail.from"));
        assertNull(props.getProperty("mail.smtp.auth"));
        assertNull(props.getProperty("mail.smtp.ssl.enable"));
        assertNull(props.getProperty("mail.smtp.starttls.enable"));
        assertNull(props.getProperty("mail.smtp.from"));
        assertNull(props.getProperty("mail.mime.allowutf8"));
    }

    @Test
    void theRealmsSettingsMeanWhatTheyMeanInKeycloak() {
        Properties props = SmtpProperties.of(Map.of("host", "mail.example.test", "port", "2525", "timeout", "3000",
                "connectionTimeout", "2000", "writeTimeout", "4000", "envelopeFrom", "bounce@example.test",
                "allowutf8", "true", "authType", "token", "debug", "true"), "a@example.test", null);

        assertEquals("2525", props.getProperty("mail.smtp.port"));
        assertEquals("3000", props.getProperty("mail.smtp.timeout"));
        assertEquals("2000", props.getProperty("mail.smtp.connectiontimeout"));
        assertEquals("4000", props.getProperty("mail.smtp.writetimeout"));
        assertEquals("bounce@example.test", props.getProperty("mail.smtp.from"));
        assertEquals("true", props.getProperty("mail.mime.allowutf8"));
        assertEquals("XOAUTH2", props.getProperty("mail.smtp.auth.mechanisms"));
        assertNull(props.getProperty("mail.debug"), "the SMTP conversation holds the code: never printed");
    }

    @Test
    void aSendWaitsForAPooledConnectionAsLongAsForANewOne() {
        assertEquals(2000, SmtpSettings.connectWaitMillis(Map.of("connectionTimeout", "2000")));
        assertEquals(10000, SmtpSettings.connectWaitMillis(Map.of()));
        assertEquals(10000, SmtpSettings.connectWaitMillis(Map.of("connectionTimeout", "soon")));
    }
}
