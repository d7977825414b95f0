package net.trader4.keycloak.otp.authenticator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefusalMessagesTest {

    private static final Path THEME_RESOURCES = Path.of("..", "themes", "src", "main", "resources", "theme-resources");

    @Test
    void wrongCodeNamesTheTriesLeftOnTheCodeField() {
        PageMessage message = RefusalMessages.onCodePage(OtpException.wrongCode("x", 2), 6);
        assertEquals("trader4OtpInvalidCode", message.key());
        assertEquals(RefusalMessages.CODE_FIELD, message.field());
        assertEquals(2, message.parameters()[0]);
    }

    @Test
    void rateLimitsSayHowLongToWait() {
        PageMessage message = RefusalMessages.onIdentifierPage(new OtpException(OtpError.RATE_LIMITED, "x", 42));
        assertEquals("trader4OtpRateLimited", message.key());
        assertNull(message.field(), "a page-wide alert");
        assertEquals(42L, message.parameters()[0]);
    }

    @Test
    void anEarlyResendIsWordedAsTheWait() {
        PageMessage message = RefusalMessages.onResend(new OtpException(OtpError.RATE_LIMITED, "x", 17), 6);
        assertEquals("trader4OtpResendWait", message.key());
        assertEquals(17L, message.parameters()[0]);
    }

    @Test
    void onlyGuessesCountAsBruteForceFailures() {
        assertTrue(RefusalMessages.isWrongGuess(OtpError.INVALID_CODE));
        assertTrue(RefusalMessages.isWrongGuess(OtpError.TOO_MANY_ATTEMPTS));
        assertFalse(RefusalMessages.isWrongGuess(OtpError.EXPIRED_CODE));
        assertFalse(RefusalMessages.isWrongGuess(OtpError.INVALID_REQUEST));
        assertFalse(RefusalMessages.isWrongGuess(OtpError.RATE_LIMITED));
    }

    @ParameterizedTest
    @EnumSource(OtpError.class)
    void everyRefusalHasATranslatedMessage(OtpError error) throws IOException {
        OtpException refusal = new OtpException(error, "x", 5);
        for (String language : new String[] {"en", "de", "fa"}) {
            Properties messages = messages(language);
            for (PageMessage message : new PageMessage[] {
                    RefusalMessages.onIdentifierPage(refusal), RefusalMessages.onCodePage(refusal, 6),
                    RefusalMessages.onResend(refusal, 6), RefusalMessages.onWalletPage(refusal)}) {
                if (message.key().startsWith("trader4")) {
                    String text = messages.getProperty(message.key());
                    assertNotNull(text, language + " lacks " + message.key());
                    assertFalse(new MessageFormat(text, Locale.forLanguageTag(language)).format(message.parameters()).contains("{"));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fa"})
    void translationsCoverEveryEnglishKey(String language) throws IOException {
        Properties english = messages("en");
        Properties translated = messages(language);
        for (String key : english.stringPropertyNames()) {
            assertNotNull(translated.getProperty(key), language + " lacks " + key);
        }
    }

    @Test
    void templatesUseOnlyKnownKeys() throws IOException {
        Properties english = messages("en");
        Pattern msgCall = Pattern.compile("msg\\([\"'](trader4[A-Za-z]+)[\"']");
        for (String template : new String[] {"trader4-otp-identifier.ftl", "trader4-otp-code.ftl",
                "trader4-otp-wallet.ftl"}) {
            Matcher matcher = msgCall.matcher(Files.readString(THEME_RESOURCES.resolve("templates").resolve(template)));
            int found = 0;
            while (matcher.find()) {
                found++;
                assertNotNull(english.getProperty(matcher.group(1)), template + " uses unknown " + matcher.group(1));
            }
            assertTrue(found > 2, template);
        }
    }

    @Test
    void walletRefusalsNameTheSignature() {
        PageMessage wrong = RefusalMessages.onWalletPage(OtpException.wrongCode("x", 3));
        assertEquals("trader4WalletInvalidSignature", wrong.key());
        assertEquals(RefusalMessages.SIGNATURE_FIELD, wrong.field());
        assertEquals(3, wrong.parameters()[0]);
        assertEquals("trader4WalletUnsupportedSignature",
                RefusalMessages.onWalletPage(new OtpException(OtpError.UNSUPPORTED_SIGNATURE, "x")).key());
        PageMessage expired = RefusalMessages.onWalletPage(new OtpException(OtpError.EXPIRED_CODE, "x"));
        assertEquals("trader4WalletExpiredMessage", expired.key());
        assertNull(expired.field(), "a page-wide alert: the message itself is gone");
        assertEquals("trader4WalletSignatureFormat",
                RefusalMessages.onWalletPage(new OtpException(OtpError.INVALID_REQUEST, "x")).key());
    }

    @Test
    void channelWordingKeysAreTranslated() throws IOException {
        for (String language : new String[] {"en", "de", "fa"}) {
            Properties messages = messages(language);
            for (String channel : new String[] {"email", "sms", "voice", "log"}) {
                assertNotNull(messages.getProperty(ChannelWording.sentTo(channel)), language + " " + channel);
                assertNotNull(messages.getProperty(ChannelWording.resent(channel)), language + " " + channel);
            }
            assertNotNull(messages.getProperty(ChannelWording.switchTo("voice")), language);
            assertNotNull(messages.getProperty(ChannelWording.switchTo("sms")), language);
        }
        Properties english = messages("en");
        assertEquals("We sent an SMS to {0}.", english.getProperty(ChannelWording.sentTo("sms")));
        assertEquals("We are calling {0}.", english.getProperty(ChannelWording.sentTo("voice")));
        assertEquals("We sent a code to {0}.", english.getProperty(ChannelWording.sentTo("email")));
        assertEquals("Call me instead", english.getProperty(ChannelWording.switchTo("voice")));
    }

    @Test
    void triesLeftReadsNaturally() throws IOException {
        String pattern = messages("en").getProperty("trader4OtpInvalidCode");
        assertEquals("This code is not correct. 1 try left.", new MessageFormat(pattern, Locale.ENGLISH).format(new Object[] {1}));
        assertEquals("This code is not correct. 3 tries left.", new MessageFormat(pattern, Locale.ENGLISH).format(new Object[] {3}));
    }

    private static Properties messages(String language) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(THEME_RESOURCES.resolve("messages").resolve("messages_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
