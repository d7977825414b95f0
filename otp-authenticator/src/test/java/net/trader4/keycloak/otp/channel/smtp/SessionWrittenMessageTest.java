package net.trader4.keycloak.otp.channel.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SessionWrittenMessageTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    static Stream<Arguments> mails() {
        return Stream.of(
                Arguments.of("7bit", "Your code is 482913.\nIt expires in 10 minutes.", "<p>Your code is <b>482913</b>.</p>"),
                Arguments.of("quoted-printable", "Ihr Code lautet 482913.\nEr läuft in 10 Minuten ab.",
                        "<p>Ihr Code lautet <b>482913</b>. Gültig für 10 Minuten.</p>"),
                Arguments.of("base64", "کد شما ۴۸۲۹۱۳ است.", "<p dir=\"rtl\">کد شما <b>۴۸۲۹۱۳</b> است.</p>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mails")
    void writesTheSameBytesAsJakartaMailItself(String encoding, String text, String html) throws Exception {
        MimeMultipart parts = alternatives(text, html);
        MimeMessage ours = filled(new SessionWrittenMessage(SESSION), parts);
        MimeMessage jakartas = filled(new MimeMessage(SESSION), parts);

        byte[] written = bytes(ours);
        assertArrayEquals(bytes(jakartas), written, () -> new String(written));

        MimeMultipart read = (MimeMultipart) new MimeMessage(SESSION, new ByteArrayInputStream(written)).getContent();
        assertEquals(encoding, ((MimeBodyPart) read.getBodyPart(0)).getEncoding(), "the encoding Jakarta Mail chose");
        assertEquals(text, ((String) read.getBodyPart(0).getContent()).replace("\r\n", "\n"), "line breaks travel as CRLF");
        assertEquals(html, read.getBodyPart(1).getContent());
    }

    /** The same mail in both: the same parts (so the same boundary) and the same Message-ID. */
    private static MimeMessage filled(MimeMessage message, MimeMultipart parts) throws Exception {
        message.setFrom("noreply@example.com");
        message.setHeader("To", "someone@example.com");
        message.setSubject("Sign-in code");
        message.setContent(parts);
        message.saveChanges();
        message.setHeader("Message-ID", "<fixed@example.com>");
        return message;
    }

    private static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out, new String[] {"Bcc", "Content-Length"});
        return out.toByteArray();
    }

    private static MimeMultipart alternatives(String text, String html) throws Exception {
        MimeMultipart alternatives = new MimeMultipart("alternative");
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        alternatives.addBodyPart(textPart);
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setContent(html, "text/html; charset=UTF-8");
        alternatives.addBodyPart(htmlPart);
        return alternatives;
    }
}
