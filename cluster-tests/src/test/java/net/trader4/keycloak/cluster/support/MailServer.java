package net.trader4.keycloak.cluster.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import net.trader4.keycloak.testsupport.Waits;
import org.openqa.selenium.support.ui.FluentWait;

/** A real SMTP server (GreenMail) on 127.0.0.1 that both nodes send to; can be stopped to fake an outage. */
public final class MailServer {

    private static final Pattern CODE_LINE = Pattern.compile("(?m)^\\s*([0-9]{6,10})\\s*$");

    private final int port;
    private GreenMail greenMail;

    MailServer(int port) {
        this.port = port;
        start();
    }

    public synchronized void start() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
        }
    }

    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    public synchronized int countTo(String address) {
        return greenMail == null ? 0 : messagesTo(address).length;
    }

    /** Waits for mail number {@code alreadySeen + 1} to {@code address} and returns its code. */
    public String codeSentTo(String address, int alreadySeen) {
        MimeMessage latest = new FluentWait<>(this).withTimeout(Waits.BOUND).pollingEvery(Duration.ofMillis(100))
                .withMessage(() -> "no sign-in mail reached " + address)
                .until(server -> {
                    MimeMessage[] to;
                    synchronized (server) {
                        to = server.greenMail == null ? new MimeMessage[0] : server.messagesTo(address);
                    }
                    return to.length > alreadySeen ? to[to.length - 1] : null;
                });
        Matcher matcher = CODE_LINE.matcher(GreenMailUtil.getBody(latest).replace("\r", ""));
        if (!matcher.find()) {
            throw new AssertionError("The mail to " + address + " holds no code line");
        }
        return matcher.group(1);
    }

    private MimeMessage[] messagesTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> isTo(m, address)).toArray(MimeMessage[]::new);
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
