package net.trader4.keycloak.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import net.trader4.keycloak.testsupport.ApiClient.Answer;
import net.trader4.keycloak.testsupport.ApiClient;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The QR login API as a desktop (requester) and a phone (approver) use it. */
public final class QrApi {

    private final ApiClient api;

    public QrApi(ApiClient api) {
        this.api = api;
    }

    public Answer create() {
        return api.send(HttpRequest.newBuilder(URI.create(api.realmUrl() + "/trader4/v1/oauth/qr"))
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")
                .timeout(Duration.ofSeconds(30)).GET().build());
    }

    public Answer check(String token, String secret) {
        Map<String, String> fields = new HashMap<>();
        fields.put("token", token);
        if (secret != null) {
            fields.put("secret", secret);
        }
        return api.postJson("qr", fields);
    }

    public Answer authorize(String authorization, String token, String action) {
        Map<String, String> fields = new HashMap<>();
        fields.put("token", token);
        if (action != null) {
            fields.put("action", action);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.realmUrl() + "/trader4/v1/oauth/qr/authorize"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return api.send(request.build());
    }

    /** A phone signed in by OTP: a fresh account and its access token from {@code /verify}. */
    public Phone signedInPhone(ManagedRealm realm, MailServer mail) {
        String email = TestUsers.newEmailUser(realm);
        assertEquals(200, api.sign(email).status());
        Answer verify = api.verify(email, Mailbox.codeSentTo(mail, email, 0));
        assertEquals(200, verify.status(), verify.toString());
        return new Phone(email, verify.results().path("access_token").asText(), verify.results().path("refresh_token").asText());
    }

    public record Phone(String email, String accessToken, String refreshToken) {
    }

    private static String form(Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.length() == 0 ? "" : "&")
                .append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        return form.toString();
    }
}
