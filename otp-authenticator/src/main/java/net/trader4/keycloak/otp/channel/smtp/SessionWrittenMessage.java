package net.trader4.keycloak.otp.channel.smtp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Enumeration;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.LineOutputStream;
import jakarta.mail.util.StreamProvider;

/**
 * A mail of text parts that writes itself through its mail session's stream provider, the one
 * Jakarta Mail looked up once when the session was made. Jakarta Mail's own {@code writeTo} looks
 * the provider up again through the {@code ServiceLoader} for the message, for every part and for
 * every quoted-printable or base64 part (jakartaee/mail-api#861), which made up a fifth of the
 * server time of a mailed code. The bytes are the same: the same headers, boundaries, transfer
 * encodings (chosen by Jakarta Mail in {@code saveChanges}) and encoders.
 */
final class SessionWrittenMessage extends MimeMessage {

    private static final String ALLOW_UTF8 = "mail.mime.allowutf8";

    SessionWrittenMessage(Session session) {
        super(session);
    }

    @Override
    public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
        if (!saved) {
            saveChanges();
        }
        StreamProvider streams = session.getStreamProvider();
        LineOutputStream lines = streams.outputLineStream(os, Boolean.parseBoolean(session.getProperty(ALLOW_UTF8)));
        writeLines(lines, getNonMatchingHeaderLines(ignoreList));
        lines.writeln();
        MimeMultipart body = (MimeMultipart) getContent();
        String boundary = "--" + new ContentType(body.getContentType()).getParameter("boundary");
        for (int i = 0; i < body.getCount(); i++) {
            MimeBodyPart part = (MimeBodyPart) body.getBodyPart(i);
            lines.writeln(boundary);
            writeLines(lines, part.getAllHeaderLines());
            lines.writeln();
            OutputStream encoded = encoder(streams, part.getEncoding(), os);
            String charset = MimeUtility.javaCharset(new ContentType(part.getContentType()).getParameter("charset"));
            encoded.write(((String) part.getContent()).getBytes(Charset.forName(charset)));
            encoded.flush();
            lines.writeln();
        }
        lines.writeln(boundary + "--");
        os.flush();
    }

    private static void writeLines(LineOutputStream out, Enumeration<String> headerLines) throws IOException {
        while (headerLines.hasMoreElements()) {
            out.writeln(headerLines.nextElement());
        }
    }

    private static OutputStream encoder(StreamProvider streams, String encoding, OutputStream os) throws MessagingException {
        if (encoding == null || encoding.equalsIgnoreCase("7bit") || encoding.equalsIgnoreCase("8bit")) {
            return os;
        }
        if (encoding.equalsIgnoreCase("quoted-printable")) {
            return streams.outputQP(os);
        }
        if (encoding.equalsIgnoreCase("base64")) {
            return streams.outputBase64(os);
        }
        throw new MessagingException("Unexpected transfer encoding of a text part: " + encoding);
    }
}
