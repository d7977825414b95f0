package net.trader4.keycloak.otp.channel.smtp;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import org.keycloak.email.EmailException;

/**
 * A rendered mail as Keycloak's own sender writes it (Keycloak 26.7): {@code From} and
 * {@code Reply-To} with the realm's display names, {@code To} the recipient, the subject encoded
 * in UTF-8, a {@code multipart/alternative} body of the text and the HTML part. Jakarta Mail puts
 * it together and picks each part's transfer encoding; {@link SessionWrittenMessage} writes it out.
 */
final class MailMessage {

    private MailMessage() {
    }

    static MimeMessage build(Session mailSession, Map<String, String> config, String from, String to, String subject,
                             String textBody, String htmlBody) throws EmailException {
        try {
            MimeMessage message = new SessionWrittenMessage(mailSession);
            InternetAddress sender = named(from, config.get("fromDisplayName"));
            message.setFrom(sender);
            message.setReplyTo(new Address[]{sender});
            String replyTo = config.get("replyTo");
            if (replyTo != null && !replyTo.isBlank()) {
                String wireReplyTo = SmtpSettings.wireAddress(replyTo, SmtpSettings.allowUtf8(config), "reply-to");
                message.setReplyTo(new Address[]{named(wireReplyTo, config.get("replyToDisplayName"))});
            }
            message.setHeader("To", to);
            message.setSubject(MimeUtility.encodeText(subject, StandardCharsets.UTF_8.name(), null));
            message.setContent(alternatives(textBody, htmlBody));
            message.saveChanges();
            message.setSentDate(new Date());
            return message;
        } catch (UnsupportedEncodingException | MessagingException e) {
            throw new EmailException("The mail could not be put together", e);
        }
    }

    private static MimeMultipart alternatives(String textBody, String htmlBody) throws MessagingException {
        MimeMultipart alternatives = new MimeMultipart("alternative");
        if (textBody != null) {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(textBody, "UTF-8");
            alternatives.addBodyPart(text);
        }
        if (htmlBody != null) {
            MimeBodyPart html = new MimeBodyPart();
            html.setContent(htmlBody, "text/html; charset=UTF-8");
            alternatives.addBodyPart(html);
        }
        return alternatives;
    }

    private static InternetAddress named(String address, String displayName) throws EmailException,
            UnsupportedEncodingException, MessagingException {
        if (address == null || address.isBlank()) {
            throw new EmailException("The realm's email settings name no sender address");
        }
        return displayName == null || displayName.isBlank()
                ? new InternetAddress(address)
                : new InternetAddress(address, displayName, "utf-8");
    }
}
