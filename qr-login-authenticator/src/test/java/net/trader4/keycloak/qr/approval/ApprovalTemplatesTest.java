package net.trader4.keycloak.qr.approval;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import net.trader4.keycloak.qr.request.QrError;
import net.trader4.keycloak.qr.request.QrException;
import org.junit.jupiter.api.Test;
import org.keycloak.theme.beans.MessageFormatterMethod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The approval templates rendered as Keycloak renders them (HTML auto-escaping, Keycloak's own
 * message method, the theme's messages), inside a stand-in for a theme's page layout.
 */
class ApprovalTemplatesTest {

    private static final String HOSTILE = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>";

    private static ApprovalView view(String clientName, String account) {
        return new ApprovalView(clientName, UserAgentSummary.describe(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"),
                "203.0.113.7", "2026-01-01 10:00:00 UTC", 5, 100, account,
                "https://id.example.com/realms/r/trader4/v1/oauth/qr/tr00?kc_locale=de", "csrf-value");
    }

    @Test
    void showsWhoAsksFromWhereAndForWhichAccount() throws Exception {
        String html = question("en", view("trader4 web", "hi@trader4.net"));
        assertTrue(html.contains("trader4 web is asking to sign in as hi@trader4.net."), html);
        assertTrue(html.contains("<dd id=\"device\">Chrome on Windows</dd>"), html);
        assertTrue(html.contains("203.0.113.7"));
        assertTrue(html.contains("5 seconds ago"));
        assertTrue(html.contains("This request expires in 100 seconds."));
        assertTrue(html.contains("Didn&#39;t start this? Deny it."), "an apostrophe survives the message format");
        assertTrue(html.contains("method=\"post\" action=\"https://id.example.com/realms/r/trader4/v1/oauth/qr/tr00?kc_locale=de\""));
        assertTrue(html.contains("<input type=\"hidden\" name=\"csrf\" value=\"csrf-value\"/>"), html);
        assertTrue(html.contains("<button id=\"approve\" name=\"decision\" value=\"approve\" type=\"submit\""), html);
        assertTrue(html.contains("<button id=\"deny\" name=\"decision\" value=\"deny\" type=\"submit\""), html);
    }

    @Test
    void escapesEverythingItShows() throws Exception {
        ApprovalView hostile = new ApprovalView(HOSTILE, new DeviceSummary(DeviceSummary.BROWSER_ON_SYSTEM, HOSTILE, HOSTILE),
                HOSTILE, HOSTILE, 5, 100, HOSTILE, "https://x/\"><script>alert(1)</script>", "\"><script>alert(1)</script>");
        for (String language : ThemeMessages.LANGUAGES) {
            String html = question(language, hostile);
            assertFalse(html.contains("<script>alert"), language);
            assertFalse(html.contains("<img src=x"), language);
            assertTrue(html.contains("&quot;&gt;&lt;img src=x"), language);
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), language);
        }
        String message = message("en", ApprovalMessage.approved(HOSTILE));
        assertFalse(message.contains("<script>alert"));
        assertTrue(message.contains("&lt;script&gt;"));
    }

    @Test
    void runsNoInlineScript() throws Exception {
        for (String html : new String[] {question("en", view("a", "b")), message("en", ApprovalMessage.denied())}) {
            Matcher scripts = Pattern.compile("<script[^>]*>").matcher(html);
            while (scripts.find()) {
                assertTrue(scripts.group().contains(" src=\""), scripts.group());
            }
            assertFalse(Pattern.compile("\\son[a-z]+\\s*=").matcher(html).find(), "no inline event handler");
        }
    }

    @Test
    void speaksThePhonesLanguage() throws Exception {
        String german = question("de", view("trader4 web", "hi@trader4.net"));
        assertTrue(german.contains("trader4 web möchte sich als hi@trader4.net anmelden."), german);
        assertTrue(german.contains("Chrome unter Windows"));
        assertTrue(german.contains(">Bestätigen</button>"));
        assertTrue(german.contains("vor 5 Sekunden"));
        String persian = question("fa", view("trader4 web", "hi@trader4.net"));
        assertTrue(persian.contains(">تأیید</button>"), persian);
        assertTrue(persian.contains("\u2068Chrome\u2069 روی \u2068Windows\u2069"), "names isolated from the right-to-left text");
        assertTrue(persian.contains("۱۰۰ ثانیه"), "numbers in Persian digits: " + persian);
        assertFalse(persian.contains("Approve"));
    }

    @Test
    void messagePageSaysWhatHappened() throws Exception {
        String approved = message("en", ApprovalMessage.approved("hi@trader4.net"));
        assertTrue(approved.contains("<p id=\"message\" data-outcome=\"approved\">The other device is now signing in as hi@trader4.net."),
                approved);
        assertTrue(Pattern.compile("\\sApproved\\s*</h1>").matcher(approved).find(), approved);
        String refused = message("de", ApprovalMessage.refused(new QrException(QrError.EXPIRED_TOKEN, "x")));
        assertTrue(refused.contains("data-outcome=\"refused\">Dieser QR-Code ist abgelaufen."), refused);
        String missing = message("en", ApprovalMessage.approvalClientMissing("trader4-qr"));
        assertTrue(missing.contains("(client &#39;trader4-qr&#39; is missing)"), missing);
        assertEquals(410, ApprovalMessage.refused(new QrException(QrError.EXPIRED_TOKEN, "x")).status());
        assertEquals(409, ApprovalMessage.refused(new QrException(QrError.AUTHORIZATION_PENDING, "x")).status());
    }

    private static String question(String language, ApprovalView view) throws IOException, TemplateException {
        Map<String, Object> attributes = attributes(language);
        attributes.put("approval", view);
        return render(ApprovalResponses.QUESTION_TEMPLATE, attributes);
    }

    private static String message(String language, ApprovalMessage message) throws IOException, TemplateException {
        Map<String, Object> attributes = attributes(language);
        attributes.put("approvalMessage", message);
        return render(ApprovalResponses.MESSAGE_TEMPLATE, attributes);
    }

    private static Map<String, Object> attributes(String language) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("msg", new MessageFormatterMethod(Locale.forLanguageTag(language), ThemeMessages.of(language)));
        attributes.put("url", Map.of("resourcesPath", "/resources/v1/login/trader4"));
        attributes.put("properties", Map.of("kcButtonPrimaryClass", "pf-v5-c-button pf-m-primary"));
        return attributes;
    }

    /** As Keycloak's FreeMarker provider does: *.ftl is HTML, every ${} is escaped. */
    private static String render(String template, Map<String, Object> attributes) throws IOException, TemplateException {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_32);
        configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
        configuration.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {
                new FileTemplateLoader(Path.of("src", "test", "resources", "approval-layout").toFile()),
                new FileTemplateLoader(ThemeMessages.templates().toFile())}));
        StringWriter out = new StringWriter();
        configuration.getTemplate(template, "UTF-8").process(attributes, out);
        return out.toString();
    }
}
