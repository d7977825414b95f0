package net.trader4.keycloak.otp.identifier;

/**
 * Hides most of an identifier so that it can be shown to whoever typed it ("we sent a code to
 * h•@t•••4.net") or written to a log without disclosing it.
 */
public final class IdentifierMasker {

    static final char DOT = '\u2022';

    private IdentifierMasker() {
    }

    public static String mask(Identifier identifier) {
        String value = identifier.value();
        return switch (identifier.type()) {
            case EMAIL -> maskEmail(value);
            case MOBILE, LANDLINE -> maskPhone(value);
            case WALLET -> value.length() <= 12 ? value : value.substring(0, 6) + "\u2026" + value.substring(value.length() - 4);
        };
    }

    static String maskEmail(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return maskMiddle(email);
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        int lastDot = domain.lastIndexOf('.');
        String host = lastDot > 0 ? domain.substring(0, lastDot) : domain;
        String tld = lastDot > 0 ? domain.substring(lastDot) : "";
        return keepFirst(local) + "@" + maskMiddle(host) + tld;
    }

    /** E.164 numbers keep the country code and the last four digits. */
    static String maskPhone(String e164) {
        int keepEnd = Math.min(4, Math.max(0, e164.length() - 4));
        int keepStart = Math.min(3, e164.length() - keepEnd);
        StringBuilder masked = new StringBuilder(e164.substring(0, keepStart));
        for (int i = keepStart; i < e164.length() - keepEnd; i++) {
            masked.append(DOT);
        }
        return masked.append(e164.substring(e164.length() - keepEnd)).toString();
    }

    private static String keepFirst(String text) {
        if (text.length() <= 1) {
            return String.valueOf(DOT);
        }
        return text.charAt(0) + String.valueOf(DOT).repeat(Math.min(text.length() - 1, 3));
    }

    private static String maskMiddle(String text) {
        if (text.length() <= 2) {
            return String.valueOf(DOT).repeat(text.length());
        }
        return text.charAt(0) + String.valueOf(DOT).repeat(Math.min(text.length() - 2, 3)) + text.charAt(text.length() - 1);
    }
}
