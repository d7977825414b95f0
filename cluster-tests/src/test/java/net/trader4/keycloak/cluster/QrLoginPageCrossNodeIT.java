package net.trader4.keycloak.cluster;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import net.trader4.keycloak.cluster.support.ApiClient;
import net.trader4.keycloak.cluster.support.KeycloakCluster;
import net.trader4.keycloak.cluster.support.LoopbackBrowserCookies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser-flow QR login page when a load balancer sends its requests to either node: the
 * page is drawn by node 1, its status endpoint (bound to the login's cookie) is polled on both,
 * the phone approves on node 2, the login finishes on node 2 and its code is redeemed on node 1.
 */
@Order(2)
class QrLoginPageCrossNodeIT {

    private static final String CLIENT = "cluster-qr-web";
    private static final String REDIRECT = "http://127.0.0.1:18399/callback";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STATUS_URL = Pattern.compile("data-status-url=\"([^\"]+)\"");
    private static final Pattern IMAGE = Pattern.compile("id=\"trader4-qr-image\" src=\"data:image/png;base64,([^\"]+)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("id=\"trader4-qr-form\" action=\"([^\"]+)\"");

    KeycloakCluster cluster;
    HttpClient browser;

    @BeforeEach
    void setUp() {
        cluster = KeycloakCluster.get();
        cluster.admin().qrLoginClient(CLIENT, REDIRECT);
        cluster.admin().setRealmAttributes(Map.of("trader4.qr.createsPerIpPerHour", "10000"));
        // One browser: its cookies go to both nodes, which share the host name 127.0.0.1.
        browser = HttpClient.newBuilder().cookieHandler(new LoopbackBrowserCookies())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void statusAndFinishWorkWhenRequestsAlternateBetweenNodes() throws Exception {
        String node1 = cluster.node(1).realmUrl(KeycloakCluster.REALM);
        String node2 = cluster.node(2).realmUrl(KeycloakCluster.REALM);
        HttpResponse<String> page = get(node1 + "/protocol/openid-connect/auth?client_id=" + CLIENT + "&response_type=code&scope=openid"
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8));
        assertEquals(200, page.statusCode(), page.body());
        String html = page.body();
        String statusOnNode1 = unescape(find(STATUS_URL, html));
        String statusOnNode2 = onNode(statusOnNode1, node1, node2);
        String action = unescape(find(FORM_ACTION, html));
        String approvalUrl = decodeQr(find(IMAGE, html));
        String token = approvalUrl.substring(approvalUrl.lastIndexOf('/') + 1);

        assertEquals("pending", status(statusOnNode2));
        assertEquals("pending", status(statusOnNode1));

        ApiClient phoneNode2 = new ApiClient(cluster.node(2));
        String email = cluster.admin().newEmailUser();
        int seen = cluster.mail().countTo(email);
        assertEquals(200, phoneNode2.sign(email).status());
        String phoneToken = phoneNode2.verify(email, cluster.mail().codeSentTo(email, seen))
                .body().path("results").path("access_token").asText();
        ApiClient.Answer approved = phoneNode2.post("qr/authorize", Map.of("token", token), "Bearer " + phoneToken);
        assertEquals(200, approved.status(), approved.toString());

        assertEquals("approved", status(statusOnNode1));
        assertEquals("approved", status(statusOnNode2));

        HttpResponse<String> finished = browser.send(HttpRequest.newBuilder(URI.create(onNode(action, node1, node2)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("qr_action=check")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, finished.statusCode(), finished.body());
        String location = finished.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(REDIRECT + "?") && location.contains("code="), "signed in at the client: " + location);

        // The code is redeemed on node 1: the session node 2 created belongs to the phone's user.
        String code = URLDecoder.decode(location.replaceFirst(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        HttpResponse<String> tokens = browser.send(HttpRequest.newBuilder(URI.create(node1 + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=" + CLIENT
                        + "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                        + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, tokens.statusCode(), tokens.body());
        String accessToken = JSON.readTree(tokens.body()).path("access_token").asText();
        String claims = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
        assertEquals(email, JSON.readTree(claims).path("email").asText(), "signed in as the user who approved");

        // The login is over on both nodes: its authentication session is gone, nothing is left to poll.
        assertEquals(401, get(statusOnNode1).statusCode());
        assertEquals(401, get(statusOnNode2).statusCode());
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String status(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = get(url);
        assertEquals(200, response.statusCode(), url + " -> " + response.body());
        return JSON.readTree(response.body()).path("status").asText();
    }

    private static String onNode(String url, String node1, String node2) {
        String base1 = node1.substring(0, node1.indexOf("/realms/"));
        String base2 = node2.substring(0, node2.indexOf("/realms/"));
        return url.startsWith("/") ? base2 + url : url.replace(base1, base2);
    }

    private static String find(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertTrue(matcher.find(), "the QR login page lacks " + pattern + ":\n" + html);
        return matcher.group(1);
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&");
    }

    private static String decodeQr(String base64Png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64Png)));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
