package net.trader4.keycloak.docker.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) on the engine's bridge address, which containers reach as
 * {@code host.docker.internal}; not on any outward interface.
 */
public final class Mailbox implements AutoCloseable {

    private static final Pattern CODE_LINE = Pattern.compile("(?m)^\\s*([0-9]{6,10})\\s*$");

    private final GreenMail greenMail;
    private final int port;

    public Mailbox(String bridgeAddress) throws IOException {
        this.port = freePort(bridgeAddress);
        this.greenMail = new GreenMail(new ServerSetup(port, bridgeAddress, ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    public int port() {
        return port;
    }

    /** The code of the first mail to {@code address}, waited for. */
    public String codeSentTo(String address, Duration bound) {
        MimeMessage mail = Poll.until(bound, "a sign-in mail to " + address, () -> Arrays.stream(greenMail.getReceivedMessages())
                .filter(message -> isTo(message, address)).findFirst().orElse(null));
        Matcher matcher = CODE_LINE.matcher(GreenMailUtil.getBody(mail).replace("\r", ""));
        if (!matcher.find()) {
            throw new AssertionError("The mail to " + address + " holds no code line");
        }
        return matcher.group(1);
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return message.getAllRecipients() != null && Arrays.stream(message.getAllRecipients())
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new AssertionError("The recipients of a mail could not be read", e);
        }
    }

    private static int freePort(String address) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        }
    }
}
