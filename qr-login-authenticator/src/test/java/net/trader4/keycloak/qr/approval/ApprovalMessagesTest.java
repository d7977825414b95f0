package net.trader4.keycloak.qr.approval;

import java.io.IOException;
import java.nio.file.Files;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.trader4.keycloak.common.account.AccountError;
import net.trader4.keycloak.common.error.SignInException;
import net.trader4.keycloak.qr.request.QrError;
import net.trader4.keycloak.qr.request.QrException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every text the approval pages can show exists in English, German and Persian. */
class ApprovalMessagesTest {

    @ParameterizedTest
    @EnumSource(QrError.class)
    void everyRefusalOfAQrCodeIsTranslated(QrError error) {
        assertTranslated(ApprovalMessage.refused(new QrException(error, "x")));
    }

    @ParameterizedTest
    @EnumSource(AccountError.class)
    void everyRefusalOfAnAccountIsTranslated(AccountError error) {
        assertTranslated(ApprovalMessage.refused(new SignInException(error, "x")));
    }

    @Test
    void everyKeyTheCodeNamesIsTranslated() {
        List<String> keys = new ArrayList<>(ApprovalMessage.KEYS);
        keys.addAll(DeviceSummary.KEYS);
        for (String key : keys) {
            assertTranslated(key, "hi@trader4.net", "Linux");
        }
    }

    @Test
    void templatesUseOnlyTranslatedKeys() throws IOException {
        Pattern msgCall = Pattern.compile("msg\\(\"(trader4[A-Za-z]+)\"");
        // The message page names no key itself: ApprovalMessage.KEYS are its keys.
        for (String template : new String[] {ApprovalResponses.QUESTION_TEMPLATE, "trader4-qr-login.ftl"}) {
            Matcher matcher = msgCall.matcher(Files.readString(ThemeMessages.templates().resolve(template)));
            int found = 0;
            while (matcher.find()) {
                found++;
                assertTranslated(matcher.group(1), "trader4 web", "hi@trader4.net");
            }
            assertTrue(found > 0, template);
        }
    }

    @Test
    void agesReadNaturally() {
        Properties english = ThemeMessages.of("en");
        assertEquals("1 second ago", format(english.getProperty("trader4QrApprovalSecondsAgo"), "en", 1));
        assertEquals("0 seconds ago", format(english.getProperty("trader4QrApprovalSecondsAgo"), "en", 0));
        assertEquals("2 minutes ago", format(english.getProperty("trader4QrApprovalMinutesAgo"), "en", 2));
        assertEquals("vor 1 Minute", format(ThemeMessages.of("de").getProperty("trader4QrApprovalMinutesAgo"), "de", 1));
    }

    private static void assertTranslated(ApprovalMessage message) {
        assertTranslated(message.getTitleKey(), message.getArgument());
        assertTranslated(message.getTextKey(), message.getArgument());
    }

    private static void assertTranslated(String key, Object... parameters) {
        for (String language : ThemeMessages.LANGUAGES) {
            String pattern = ThemeMessages.of(language).getProperty(key);
            assertNotNull(pattern, language + " lacks " + key);
            // A count ({0,choice,...}) takes a number, whatever the caller passed.
            String text = format(pattern, language, pattern.contains(",choice,") ? new Object[] {1} : parameters);
            assertFalse(text.contains("{") || text.contains("}"), language + " " + key + ": " + text);
        }
    }

    private static String format(String pattern, String language, Object... parameters) {
        return new MessageFormat(pattern, Locale.forLanguageTag(language)).format(parameters);
    }
}
