package net.trader4.keycloak.frontdoor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./run.sh} as the README has a newcomer use it: start it, and sign the demo user in the
 * moment the realm answers. The very first answer must already be configured, on a first start,
 * after a restart with other settings, and after a restart with the same ones.
 */
class RunScriptIT {

    private static final int PORT = 8280;
    private static final int MANAGEMENT_PORT = 9280;
    private static final String API = "http://localhost:" + PORT + "/realms/trader4/trader4/v1/oauth";
    private static final String DEMO_USER = "hi@trader4.net";
    /** Generous bounds for a loaded machine; every wait ends as soon as its state arrives. */
    private static final Duration START_BOUND = Duration.ofMinutes(10);
    private static final Duration STATE_BOUND = Duration.ofSeconds(60);
    private static final Pattern LOGGED_CODE = Pattern.compile("sign-in code for \\S+ is ([0-9]{6,10})");
    private static final Pattern MAILED_CODE = Pattern.compile("(?m)^\\s*([0-9]{6,10})\\s*$");

    private final Path repo = Path.of(System.getProperty("trader4.repo.dir")).toAbsolutePath().normalize();
    private final Path work = Path.of(System.getProperty("trader4.work.dir")).toAbsolutePath();
    /** A new client per start: connections kept alive to the Keycloak that was stopped would be reset. */
    private HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void everyStartAnswersItsFirstRequestWithTheSettingsItWasGiven() throws Exception {
        Map<String, String> mailAndGoogle = env(Map.of(
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()),
                "SMTP_FROM", "login@run-script.test",
                "GOOGLE_CLIENT_ID", "run-script-test.apps.example",
                "GOOGLE_CLIENT_SECRET", "not-a-real-secret"));

        try (ScriptRun first = ScriptRun.start(repo, work.resolve("run-script/first.log"), mailAndGoogle, "run.sh", "--reset")) {
            JsonNode signed = signTheMomentItAnswers(first);
            assertTrue(signed.path("succeed").asBoolean(), "first start, first answer: " + signed);
            String code = mailedCode();
            JsonNode verified = verify(code);
            assertTrue(verified.path("results").path("access_token").isTextual(), "tokens for the mailed code: " + verified);
            assertEquals(303, get("/google").statusCode(), "Google sign-in is on from the first answer");
            assertFalse(first.printed("sign-in code for"), "with SMTP_HOST the code is mailed, never logged");
        }

        // Other settings on the same data: no mail server, no Google.
        try (ScriptRun second = ScriptRun.start(repo, work.resolve("run-script/second.log"), env(Map.of()), "run.sh")) {
            int mailsBefore = smtp.getReceivedMessages().length;
            int from = second.lineCount();
            JsonNode signed = signTheMomentItAnswers(second);
            assertTrue(signed.path("succeed").asBoolean(), "restart with other settings, first answer: " + signed);
            String code = second.awaitMatch(LOGGED_CODE, from, STATE_BOUND)
                    .orElseThrow(() -> new AssertionError("no code in the log:\n" + second.tail()));
            JsonNode verified = verify(code);
            assertTrue(verified.path("results").path("last_connection").isTextual(),
                    "the first start's sign-in survived the restart: " + verified);
            assertEquals(mailsBefore, smtp.getReceivedMessages().length, "no mail without SMTP_HOST");
            HttpResponse<String> google = get("/google");
            assertEquals(404, google.statusCode(), google.body());
            assertEquals("google_not_offered", json.readTree(google.body()).path("error").asText(), google.body());
        }

        // The same settings again: nothing to apply, so no private start.
        try (ScriptRun third = ScriptRun.start(repo, work.resolve("run-script/third.log"), env(Map.of()), "run.sh")) {
            JsonNode signed = signTheMomentItAnswers(third);
            assertTrue(signed.path("succeed").asBoolean(), "restart with the same settings, first answer: " + signed);
            assertFalse(third.printed("Applying the realm settings"), "settings already applied are not applied again");
        }
    }

    /** The script's environment: ports of this test, a run folder under target/, no settings but {@code settings}. */
    private Map<String, String> env(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>();
        for (String name : new String[]{"SMTP_HOST", "SMTP_PORT", "SMTP_FROM", "SMTP_USER", "SMTP_PASSWORD",
                "GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET", "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"}) {
            env.put(name, "");
        }
        env.put("TRADER4_RUN_DIR", work.resolve("run-script/run").toString());
        env.put("KC_HTTP_PORT", Integer.toString(PORT));
        env.put("KC_HTTP_MANAGEMENT_PORT", Integer.toString(MANAGEMENT_PORT));
        env.putAll(settings);
        return env;
    }

    /**
     * Sends {@code POST /sign} from the first moment on, again whenever nothing listens yet, and
     * returns the body of the first answer of any kind.
     */
    private JsonNode signTheMomentItAnswers(ScriptRun run) throws Exception {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(run.isAlive(), "run.sh ended before Keycloak answered:\n" + run.tail());
            try {
                HttpResponse<String> answer = post("/sign", "id=" + DEMO_USER);
                assertEquals(200, answer.statusCode(), "the first answer: " + answer.body());
                return json.readTree(answer.body());
            } catch (ConnectException notYetListening) {
                Thread.sleep(100); // the poll interval, not a wait for a state
            }
        }
        throw new AssertionError("Keycloak never answered within " + START_BOUND.toMinutes() + " min:\n" + run.tail());
    }

    private String mailedCode() throws Exception {
        assertTrue(smtp.waitForIncomingEmail(STATE_BOUND.toMillis(), 1), "a sign-in mail arrives");
        MimeMessage[] mails = smtp.getReceivedMessages();
        MimeMessage last = mails[mails.length - 1];
        assertEquals(DEMO_USER, last.getAllRecipients()[0].toString());
        Matcher code = MAILED_CODE.matcher(GreenMailUtil.getBody(last).replace("\r", ""));
        assertTrue(code.find(), "the mail holds a code line");
        return code.group(1);
    }

    private JsonNode verify(String code) throws IOException, InterruptedException {
        HttpResponse<String> answer = post("/verify", "id=" + DEMO_USER + "&code=" + code);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode body = json.readTree(answer.body());
        assertNotNull(body.get("results"));
        return body;
    }

    private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(API + path)).timeout(STATE_BOUND)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(API + path)).timeout(STATE_BOUND).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
