package net.trader4.keycloak.it.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import net.trader4.keycloak.testsupport.Waits;
import org.keycloak.testframework.mail.MailServer;
import org.openqa.selenium.support.ui.FluentWait;

/** Reads sign-in codes out of the mail the real SMTP server (GreenMail) received. */
public final class Mailbox {

    private static final Pattern CODE_LINE = Pattern.compile("(?m)^\\s*([0-9]{6,10})\\s*$");

    /** A mail server's received messages: the test framework's or one a test runs itself. */
    @FunctionalInterface
    public interface Received {
        MimeMessage[] getReceivedMessages();
    }

    private Mailbox() {
    }

    /** Waits for the next mail to {@code address} beyond {@code alreadySeen} and returns its code. */
    public static String codeSentTo(MailServer mail, String address, int alreadySeenForAddress) {
        MimeMessage latest = new FluentWait<>(mail).withTimeout(Waits.BOUND).pollingEvery(Duration.ofMillis(100))
                .withMessage(() -> "no sign-in mail reached " + address)
                .until(m -> {
                    MimeMessage[] to = messagesTo(m, address);
                    return to.length > alreadySeenForAddress ? to[to.length - 1] : null;
                });
        return codeOf(latest);
    }

    public static MimeMessage[] messagesTo(MailServer mail, String address) {
        return messagesTo((Received) mail::getReceivedMessages, address);
    }

    public static MimeMessage[] messagesTo(Received mail, String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> isTo(m, address)).toArray(MimeMessage[]::new);
    }

    public static String textOf(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof String text) {
                return text;
            }
            Multipart multipart = (Multipart) content;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
                if (part.getContent() instanceof Multipart nested) {
                    for (int j = 0; j < nested.getCount(); j++) {
                        if (nested.getBodyPart(j).isMimeType("text/plain")) {
                            return (String) nested.getBodyPart(j).getContent();
                        }
                    }
                }
            }
            throw new AssertionError("The mail has no text part");
        } catch (Exception e) {
            throw new AssertionError("The mail could not be read", e);
        }
    }

    public static String codeOf(MimeMessage message) {
        Matcher matcher = CODE_LINE.matcher(textOf(message));
        if (!matcher.find()) {
            throw new AssertionError("The mail holds no code line:\n" + textOf(message));
        }
        return matcher.group(1);
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            if (recipients == null) {
                return false;
            }
            for (Address recipient : recipients) {
                if (recipient.toString().equalsIgnoreCase(address)) {
                    return true;
                }
            }
            return false;
        } catch (MessagingException e) {
            throw new AssertionError("The recipients of a mail could not be read", e);
        }
    }
}
