package net.trader4.keycloak.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.ServiceLoader;

import com.github.tomakehurst.wiremock.WireMockServer;
import net.trader4.keycloak.otp.channel.DeliveryChannel;
import net.trader4.keycloak.otp.channel.DeliveryException;
import net.trader4.keycloak.otp.channel.DeliveryChannelFactory;
import net.trader4.keycloak.otp.channel.OtpDelivery;
import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.vault.VaultStringSecret;
import org.keycloak.vault.VaultTranscriber;

/** The channels with stand-ins for the few Keycloak calls they make, and WireMock for Twilio. */
class TwilioDeliveryChannelsTest {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    private static final Identifier MOBILE = new Identifier(IdentifierType.MOBILE, "+447888872720", "MOBILE", "GB");
    private static final Identifier LANDLINE = new Identifier(IdentifierType.LANDLINE, "+445528888852", "UAN", "GB");

    private WireMockServer twilio;
    private final TwilioHttpClients clients = new TwilioHttpClients();
    private final Map<String, String> realmAttributes = new HashMap<>();
    private final Map<String, String> vault = new HashMap<>();

    @BeforeEach
    void start() {
        twilio = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        twilio.start();
        twilio.stubFor(post(urlEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM1\", \"status\": \"queued\"}")));
        twilio.stubFor(post(urlEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"CA1\", \"status\": \"queued\"}")));
        realmAttributes.put("trader4.twilio.accountSid", ACCOUNT_SID);
        realmAttributes.put("trader4.twilio.authToken", "${vault.twilio_token}");
        realmAttributes.put("trader4.twilio.fromNumber", "+15005550006");
        realmAttributes.put("trader4.twilio.apiBaseUrl", "http://127.0.0.1:" + twilio.port());
        vault.put("${vault.twilio_token}", "token-from-vault");
    }

    @AfterEach
    void stop() {
        clients.close();
        twilio.stop();
    }

    private RealmModel realm() {
        return proxy(RealmModel.class, (method, args) -> switch (method) {
            case "getAttribute" -> realmAttributes.get((String) args[0]);
            case "getComponentsStream" -> Stream.empty(); // no secret store: the token is read from its attribute
            case "getId" -> "realm-id";
            case "getName" -> "demo";
            case "getDisplayName" -> "Trader4";
            default -> throw new UnsupportedOperationException(method);
        });
    }

    private KeycloakSession session() {
        VaultTranscriber transcriber = proxy(VaultTranscriber.class, (method, args) -> {
            String value = (String) args[0];
            Optional<String> secret = value.startsWith("${vault.") ? Optional.ofNullable(vault.get(value)) : Optional.of(value);
            return proxy(VaultStringSecret.class, (m, a) -> m.equals("get") ? secret : null);
        });
        return proxy(KeycloakSession.class, (method, args) -> switch (method) {
            case "vault" -> transcriber;
            default -> throw new UnsupportedOperationException(method); // getContext: no request here
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.answer(method.getName(), args));
    }

    @FunctionalInterface
    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private TwilioChannelSupport support() {
        return new TwilioChannelSupport(session(), List.of(), clients);
    }

    private OtpDelivery delivery(Identifier to, Locale locale) {
        return new OtpDelivery(realm(), null, to, "482913", 300, locale);
    }

    @Test
    void bothChannelsAreRegisteredUnderTheirNames() {
        List<String> ids = ServiceLoader.load(DeliveryChannelFactory.class).stream()
                .map(provider -> provider.get().getId()).toList();

        assertTrue(ids.containsAll(List.of(SmsDeliveryChannelFactory.PROVIDER_ID, VoiceDeliveryChannelFactory.PROVIDER_ID)),
                ids.toString());
        assertEquals("sms", SmsDeliveryChannelFactory.PROVIDER_ID);
        assertEquals("voice", VoiceDeliveryChannelFactory.PROVIDER_ID);
    }

    @Test
    void smsReachesMobilesAndVoiceReachesLandlinesAndMobiles() {
        DeliveryChannel sms = new SmsDeliveryChannel(support());
        DeliveryChannel voice = new VoiceDeliveryChannel(support());

        assertTrue(sms.supports(IdentifierType.MOBILE));
        assertFalse(sms.supports(IdentifierType.LANDLINE));
        assertFalse(sms.supports(IdentifierType.EMAIL));
        assertTrue(voice.supports(IdentifierType.LANDLINE));
        assertTrue(voice.supports(IdentifierType.MOBILE), "a call offered on resend");
        assertFalse(voice.supports(IdentifierType.WALLET));
    }

    @Test
    void readyOnlyWithCredentialsAndASender() {
        assertTrue(new SmsDeliveryChannel(support()).isReady(realm()));
        assertTrue(new VoiceDeliveryChannel(support()).isReady(realm()));

        realmAttributes.remove("trader4.twilio.fromNumber");
        realmAttributes.put("trader4.twilio.messagingServiceSid", "MG00000000000000000000000000000003");
        assertTrue(new SmsDeliveryChannel(support()).isReady(realm()));
        assertFalse(new VoiceDeliveryChannel(support()).isReady(realm()), "a messaging service cannot call");

        vault.clear();
        assertFalse(new SmsDeliveryChannel(support()).isReady(realm()), "the vault has no token");
    }

    @Test
    void invalidSettingsAreAClearOutageNotAMissingSignIn() {
        realmAttributes.put("trader4.twilio.apiBaseUrl", "http://127.0.0.1:1/twilio");
        SmsDeliveryChannel sms = new SmsDeliveryChannel(support());

        assertTrue(sms.isReady(realm()), "offered, so that the user hears why it fails");
        DeliveryException refused = assertThrows(DeliveryException.class, () -> sms.deliver(delivery(MOBILE, Locale.ENGLISH)));
        assertEquals(DeliveryException.Reason.PROVIDER_UNAVAILABLE, refused.reason());
        assertTrue(refused.getMessage().contains("settings are invalid"), refused.getMessage());
    }

    @Test
    void aRealmEndpointWithTheServersCredentialsSendsNothingAnywhere() {
        realmAttributes.remove("trader4.twilio.accountSid");
        realmAttributes.remove("trader4.twilio.authToken");
        Config.Scope server = proxy(Config.Scope.class, (method, args) -> method.equals("get") ? Map.of(
                "accountSid", ACCOUNT_SID, "authToken", "server-token", "fromNumber", "+15005550006").get((String) args[0]) : null);
        TwilioChannelSupport support = new TwilioChannelSupport(session(), List.of(server), clients);

        assertThrows(DeliveryException.class, () -> new SmsDeliveryChannel(support).deliver(delivery(MOBILE, Locale.ENGLISH)));
        assertThrows(DeliveryException.class, () -> new VoiceDeliveryChannel(support).deliver(delivery(LANDLINE, Locale.ENGLISH)));
        assertEquals(0, twilio.getAllServeEvents().size(), "the realm's endpoint got no request");
    }

    @Test
    void smsCarriesTheLocalisedTextAndTheVaultToken() throws Exception {
        new SmsDeliveryChannel(support()).deliver(delivery(MOBILE, Locale.GERMAN));

        String basic = "Basic " + Base64.getEncoder()
                .encodeToString((ACCOUNT_SID + ":token-from-vault").getBytes(StandardCharsets.UTF_8));
        twilio.verify(1, postRequestedFor(urlEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json"))
                .withHeader("Authorization", equalTo(basic))
                .withFormParam("To", equalTo("+447888872720"))
                .withFormParam("Body", containing("Ihr Trader4-Anmeldecode lautet 482913.")));
    }

    @Test
    void voiceReadsTheCodeOnACall() throws Exception {
        new VoiceDeliveryChannel(support()).deliver(delivery(LANDLINE, Locale.ENGLISH));

        twilio.verify(1, postRequestedFor(urlEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json"))
                .withFormParam("To", equalTo("+445528888852"))
                .withFormParam("From", equalTo("+15005550006"))
                .withFormParam("Twiml", containing("4, 8, 2, 9, 1, 3.")));
    }
}
