package net.trader4.keycloak.otp.channel.smtp;

import java.util.Map;

import org.keycloak.email.EmailAuthenticator;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.utils.EmailValidationUtil;
import org.keycloak.utils.SMTPUtil;

/** How Keycloak reads a realm's SMTP settings ({@code realm.getSmtpConfig()}), in one place. */
final class SmtpSettings {

    private SmtpSettings() {
    }

    static boolean isTrue(Map<String, String> config, String key) {
        return "true".equals(config.get(key));
    }

    static boolean auth(Map<String, String> config) {
        return isTrue(config, "auth");
    }

    static boolean allowUtf8(Map<String, String> config) {
        return isTrue(config, EmailSenderProvider.CONFIG_ALLOW_UTF8);
    }

    /** Keycloak's choice: none without {@code auth}, else {@code authType} ({@code basic} when unset). */
    static EmailAuthenticator.AuthenticatorType authenticatorType(Map<String, String> config) throws EmailException {
        if (!auth(config)) {
            return EmailAuthenticator.AuthenticatorType.NONE;
        }
        try {
            return EmailAuthenticator.AuthenticatorType.valueOf(config.getOrDefault("authType", "basic").toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new EmailException("The realm's SMTP authentication type is not one Keycloak knows");
        }
    }

    /** How long a send may wait for a pooled connection: the connection timeout, as for a new one. */
    static long connectWaitMillis(Map<String, String> config) {
        try {
            return Long.parseLong(config.getOrDefault("connectionTimeout", SmtpProperties.DEFAULT_TIMEOUT_MILLIS).trim());
        } catch (NumberFormatException e) {
            return Long.parseLong(SmtpProperties.DEFAULT_TIMEOUT_MILLIS);
        }
    }

    /**
     * An address as it goes on the wire, as Keycloak checks it: a valid address; without
     * {@code allowutf8} its domain in IDN (punycode) form and nothing else beyond ASCII. The
     * message names the role, never the address.
     */
    static String wireAddress(String address, boolean allowUtf8, String role) throws EmailException {
        if (address != null && EmailValidationUtil.isValidEmail(address)) {
            if (allowUtf8) {
                return address;
            }
            String converted = SMTPUtil.convertIDNEmailAddress(address);
            if (converted != null && converted.chars().allMatch(c -> c < 128)) {
                return converted;
            }
        }
        throw new EmailException("Invalid " + role + " address. If it has UTF-8 characters in the local part, the SMTP"
                + " server must support SMTPUTF8 and the realm's email settings must allow UTF-8.");
    }
}
