package net.trader4.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import net.trader4.keycloak.it.support.CountingTcpProxy;
import net.trader4.keycloak.it.support.Mailbox;
import net.trader4.keycloak.it.support.MailTls;
import net.trader4.keycloak.it.support.TestUsers;
import net.trader4.keycloak.it.support.Trader4ServerConfig;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.ApiClient.Answer;
import net.trader4.keycloak.testsupport.Waits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * The email channel keeps its SMTP connections open between mails: real mail servers (GreenMail,
 * in this JVM) behind relays that count the connections Keycloak opens to them.
 */
@KeycloakIntegrationTest(config = Trader4ServerConfig.class)
class EmailConnectionReuseIT {

    private static final int MAIL_A_PORT = 3125;
    private static final int MAIL_B_PORT = 3126;
    private static final int RELAY_A_PORT = 3225;
    private static final int RELAY_B_PORT = 3226;
    /** Nothing listens there. */
    private static final int DEAD_PORT = 3227;
    private static final int MAIL_TLS_PORT = 3465;
    private static final int RELAY_TLS_PORT = 3466;
    private static final String MAILER = "mailer";
    private static final String MAILER_PASSWORD = "mailer-secret";
    private static final String FROM = "signin@trader4.test";

    private static GreenMail mailA;
    private static GreenMail mailB;
    private static GreenMail mailTls;
    private static CountingTcpProxy relayA;
    private static CountingTcpProxy relayB;
    private static CountingTcpProxy relayTls;

    @InjectRealm(fromJson = "trader4-realm.json")
    ManagedRealm realm;

    ApiClient api;
    /** Settings of this test alone: a test starts on connections of its own. */
    String fromName;

    @BeforeAll
    static void startMailServers() throws Exception {
        mailA = new GreenMail(new ServerSetup(MAIL_A_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mailB = new GreenMail(new ServerSetup(MAIL_B_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mailA.start();
        mailB.start();
        MailTls.presentByGreenMail();
        mailTls = new GreenMail(new ServerSetup(MAIL_TLS_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
        mailTls.setUser(MAILER, MAILER_PASSWORD);
        mailTls.start();
        relayA = new CountingTcpProxy(RELAY_A_PORT, MAIL_A_PORT);
        relayB = new CountingTcpProxy(RELAY_B_PORT, MAIL_B_PORT);
        relayTls = new CountingTcpProxy(RELAY_TLS_PORT, MAIL_TLS_PORT);
    }

    @AfterAll
    static void stopMailServers() throws Exception {
        relayA.close();
        relayB.close();
        relayTls.close();
        mailA.stop();
        mailB.stop();
        mailTls.stop();
    }

    @BeforeEach
    void sendThroughRelayA(TestInfo test) {
        api = new ApiClient(realm.getBaseUrl());
        TestUsers.liftPerIpCaps(realm);
        fromName = "Trader4 " + test.getTestMethod().orElseThrow().getName();
        useMailServer(RELAY_A_PORT);
    }

    @Test
    void mailAfterMailGoesOutOnOneConnection() {
        int openedBefore = relayA.opened();
        String[] users = {TestUsers.newEmailUser(realm), TestUsers.newEmailUser(realm), TestUsers.newEmailUser(realm)};
        for (String user : users) {
            Answer sign = api.sign(user);
            assertEquals(200, sign.status(), sign.toString());
            MimeMessage mail = mailTo(mailA, user);
            assertEquals(fromName + " <" + FROM + ">", decodedFrom(mail));
            assertTrue(Mailbox.textOf(mail).contains(Mailbox.codeOf(mail)));
        }

        assertEquals(1, relayA.opened() - openedBefore, "three mails, one SMTP connection");
        assertEquals(1, relayA.open(), "kept open for the next mail");
        String last = users[users.length - 1];
        Answer verify = api.verify(last, Mailbox.codeOf(mailTo(mailA, last)));
        assertEquals(200, verify.status(), verify.toString());
    }

    @Test
    void ourMailIsWrittenAsKeycloaksOwnMails() throws Exception {
        String user = TestUsers.newEmailUser(realm);
        realm.admin().users().get(TestUsers.byEmail(realm, user).getId()).executeActionsEmail(List.of("UPDATE_PASSWORD"));
        MimeMessage keycloaks = mailTo(mailA, user);
        assertEquals(200, api.sign(user).status());
        MimeMessage ours = waitFor(() -> {
            MimeMessage[] to = Mailbox.messagesTo(mailServerOf(mailA), user);
            return to.length > 1 ? to[1] : null;
        }, "our mail to reach the server");

        assertEquals(headerNames(keycloaks), headerNames(ours));
        for (String header : List.of("From", "Reply-To", "To", "MIME-Version")) {
            assertEquals(Arrays.toString(keycloaks.getHeader(header)), Arrays.toString(ours.getHeader(header)), header);
        }
        assertEquals(domainOf(keycloaks.getMessageID()), domainOf(ours.getMessageID()));
        assertEquals(partTypes(keycloaks), partTypes(ours));
        assertTrue(ours.getContentType().startsWith("multipart/alternative"), ours.getContentType());
    }

    @Test
    void aDroppedConnectionIsReplacedOnTheNextSend() {
        String first = TestUsers.newEmailUser(realm);
        assertEquals(200, api.sign(first).status());
        mailTo(mailA, first);
        int openedBefore = relayA.opened();

        mailA.stop();
        mailA.start();
        waitFor(() -> relayA.open() == 0 ? true : null, "the restarted server to have dropped the kept connection");

        String second = TestUsers.newEmailUser(realm);
        Answer sign = api.sign(second);
        assertEquals(200, sign.status(), sign.toString());
        MimeMessage mail = mailTo(mailA, second);
        assertEquals(1, relayA.opened() - openedBefore, "one new connection");
        assertEquals(200, api.verify(second, Mailbox.codeOf(mail)).status());
    }

    @Test
    void changedSmtpSettingsSendToTheNewServerAndCloseTheOldConnections() {
        String first = TestUsers.newEmailUser(realm);
        assertEquals(200, api.sign(first).status());
        mailTo(mailA, first);
        assertEquals(1, relayA.open());
        int openedAtB = relayB.opened();

        useMailServer(RELAY_B_PORT);
        String second = TestUsers.newEmailUser(realm);
        Answer sign = api.sign(second);

        assertEquals(200, sign.status(), sign.toString());
        MimeMessage mail = mailTo(mailB, second);
        assertEquals(0, Mailbox.messagesTo(mailServerOf(mailA), second).length, "nothing went to the old server");
        assertEquals(1, relayB.opened() - openedAtB);
        waitFor(() -> relayA.open() == 0 ? true : null, "the connection to the old server to be closed");
        assertEquals(200, api.verify(second, Mailbox.codeOf(mail)).status());
    }

    @Test
    void aMailServerThatCannotBeReachedIs503AndTakesNothing() {
        String user = TestUsers.newEmailUser(realm);
        useMailServer(DEAD_PORT);

        Answer refused = api.sign(user);

        assertEquals(503, refused.status(), refused.toString());
        assertEquals("delivery_unavailable", refused.error());
        useMailServer(RELAY_A_PORT);
        Answer again = api.sign(user);
        assertEquals(200, again.status(), "no cooldown started, no challenge kept: " + again);
        assertEquals(200, api.verify(user, Mailbox.codeOf(mailTo(mailA, user))).status());
    }

    @Test
    void aKeptConnectionToAServerNowDownIs503AndTakesNothing() {
        String first = TestUsers.newEmailUser(realm);
        assertEquals(200, api.sign(first).status());
        mailTo(mailA, first);
        String user = TestUsers.newEmailUser(realm);

        mailA.stop();
        try {
            waitFor(() -> relayA.open() == 0 ? true : null, "the stopped server to have dropped the kept connection");
            Answer refused = api.sign(user);
            assertEquals(503, refused.status(), refused.toString());
            assertEquals("delivery_unavailable", refused.error());
        } finally {
            mailA.start();
        }

        Answer again = api.sign(user);
        assertEquals(200, again.status(), "no cooldown started, no challenge kept: " + again);
        assertEquals(200, api.verify(user, Mailbox.codeOf(mailTo(mailA, user))).status());
    }

    @Test
    void overTlsWithALoginMailsShareOneConnectionToo() {
        int openedBefore = relayTls.opened();
        useMailServer(RELAY_TLS_PORT, Map.of("ssl", "true", "auth", "true", "user", MAILER, "password", MAILER_PASSWORD));
        for (int i = 0; i < 2; i++) {
            String user = TestUsers.newEmailUser(realm);
            Answer sign = api.sign(user);
            assertEquals(200, sign.status(), sign.toString());
            assertEquals(200, api.verify(user, Mailbox.codeOf(mailTo(mailTls, user))).status());
        }
        assertEquals(1, relayTls.opened() - openedBefore, "two mails, one TLS connection, one login");

        useMailServer(RELAY_TLS_PORT, Map.of("ssl", "true", "auth", "true", "user", MAILER, "password", "wrong"));
        String refusedUser = TestUsers.newEmailUser(realm);
        Answer refused = api.sign(refusedUser);
        assertEquals(503, refused.status(), "the server refused the login: " + refused);
        assertEquals(0, Mailbox.messagesTo(mailServerOf(mailTls), refusedUser).length);
    }

    @Test
    void aServerWhoseCertificateNamesAnotherHostGetsNoMail() {
        // The server is dialled as 127.0.0.1; its certificate names localhost only.
        useMailServer(RELAY_TLS_PORT, Map.of("ssl", "true", "host", "127.0.0.1"));
        String user = TestUsers.newEmailUser(realm);

        Answer refused = api.sign(user);

        assertEquals(503, refused.status(), refused.toString());
        assertEquals(0, Mailbox.messagesTo(mailServerOf(mailTls), user).length);
    }

    private void useMailServer(int port) {
        useMailServer(port, Map.of());
    }

    private void useMailServer(int port, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(Map.of("host", "localhost", "port", String.valueOf(port),
                "from", FROM, "fromDisplayName", fromName, "connectionTimeout", "5000", "timeout", "5000", "writeTimeout", "5000"));
        settings.putAll(more);
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setSmtpServer(settings);
        realm.admin().update(rep);
    }

    private static MimeMessage mailTo(GreenMail server, String address) {
        return waitFor(() -> {
            MimeMessage[] to = Mailbox.messagesTo(mailServerOf(server), address);
            return to.length > 0 ? to[to.length - 1] : null;
        }, "a mail to reach the server");
    }

    private static <T> T waitFor(Supplier<T> state, String what) {
        return new FluentWait<>(state).withTimeout(Waits.BOUND).pollingEvery(Duration.ofMillis(50))
                .withMessage(() -> "waited for " + what).until(Supplier::get);
    }

    /** What {@link Mailbox} reads: the messages a server received. */
    private static Mailbox.Received mailServerOf(GreenMail server) {
        return server::getReceivedMessages;
    }

    private static String decodedFrom(MimeMessage mail) {
        try {
            return ((InternetAddress) mail.getFrom()[0]).toUnicodeString();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> headerNames(MimeMessage mail) throws MessagingException {
        Set<String> names = new TreeSet<>();
        for (Header header : Collections.list(mail.getAllHeaders())) {
            names.add(header.getName());
        }
        return names;
    }

    private static String domainOf(String messageId) {
        return messageId.substring(messageId.indexOf('@'));
    }

    private static List<String> partTypes(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        String[] types = new String[parts.getCount()];
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            types[i] = part.getContentType().replaceAll("\\s+", " ");
        }
        return List.of(types);
    }
}
