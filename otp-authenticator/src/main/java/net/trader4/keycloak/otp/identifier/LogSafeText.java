package net.trader4.keycloak.otp.identifier;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text this server did not write (a mail server's reply, an exception message) made fit for a
 * log: mail servers quote the recipient ("550 5.1.1 &lt;jane@example.com&gt;: user unknown"), so
 * every email address and every long run of digits in it is masked like an identifier.
 */
public final class LogSafeText {

    private static final Pattern EMAIL = Pattern.compile("[^\\s<>\"'(),;:\\[\\]]+@[^\\s<>\"'(),;:\\[\\]]+");
    private static final Pattern DIGITS = Pattern.compile("\\+?[0-9][0-9 ()./-]{5,}[0-9]");

    private LogSafeText() {
    }

    public static String of(String text) {
        if (text == null) {
            return null;
        }
        return replace(DIGITS, replace(EMAIL, text, true), false);
    }

    private static String replace(Pattern pattern, String text, boolean email) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder safe = new StringBuilder();
        while (matcher.find()) {
            String found = matcher.group();
            String masked = email ? IdentifierMasker.maskEmail(found) : maskDigits(found);
            matcher.appendReplacement(safe, Matcher.quoteReplacement(masked));
        }
        return matcher.appendTail(safe).toString();
    }

    /** Short runs (SMTP status codes like 5.1.1, ports) stay readable; seven digits or more are masked. */
    private static String maskDigits(String run) {
        String digits = run.replaceAll("[^0-9+]", "");
        return digits.replace("+", "").length() < 7 ? run : IdentifierMasker.maskPhone(digits);
    }
}
