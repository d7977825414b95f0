package net.trader4.keycloak.it.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import net.trader4.keycloak.testsupport.ApiClient.Answer;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.TwilioStandIn;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sign-ins asked for through a phishing proxy: every API call carries the proxy's own {@code Host}. */
public final class ForgedHost {

    public static final String PHISHING_HOST = "login.evil.example";

    private final ManagedRealm realm;
    private final ApiClient api;
    private final TwilioStandIn twilio;

    public ForgedHost(ManagedRealm realm, TwilioStandIn twilio) {
        this.realm = realm;
        this.api = new ApiClient(realm.getBaseUrl());
        this.twilio = twilio;
    }

    /** {@code POST /sign} for a fresh Ethereum-style address. */
    public Answer signWithWallet() {
        String address = "0x" + UUID.randomUUID().toString().replace("-", "") + "00000000";
        return api.postJsonWithHost(PHISHING_HOST, "sign", Map.of("id", address));
    }

    /** {@code POST /sign} for the mobile number of a new account; answers the SMS text sent. */
    public SentSms signWithMobile() {
        String mobile = "+447910" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        TestUsers.newUserWith(realm, "mobile_number", mobile);
        Answer sign = api.postJsonWithHost(PHISHING_HOST, "sign", Map.of("id", mobile));
        assertEquals(200, sign.status(), sign.toString());
        List<LoggedRequest> sms = twilio.requestsTo(TwilioStandIn.MESSAGES).stream()
                .filter(request -> mobile.equals(TwilioStandIn.form(request).get("To"))).toList();
        assertEquals(1, sms.size(), "one SMS to " + mobile);
        return new SentSms(mobile, TwilioStandIn.form(sms.get(0)).get("Body"));
    }

    /** {@code GET /qr}. */
    public Answer createQr() {
        return api.getWithHost(PHISHING_HOST, "qr");
    }

    /** The QR image of a token, fetched through the phishing host. */
    public HttpResponse<byte[]> qrImage(String token) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(realm.getBaseUrl()
                    + "/trader4/v1/oauth/qr/" + token + ".png")).version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .header("Host", PHISHING_HOST).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record SentSms(String mobile, String text) {
    }
}
