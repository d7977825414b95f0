package net.trader4.keycloak.cluster;

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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.trader4.keycloak.cluster.support.KeycloakCluster;
import net.trader4.keycloak.cluster.support.KeycloakNode;
import net.trader4.keycloak.cluster.support.LoopbackBrowserCookies;
import net.trader4.keycloak.cluster.support.RoundRobinBalancer;
import net.trader4.keycloak.testsupport.ApiClient;
import net.trader4.keycloak.testsupport.HeadlessChromium;
import net.trader4.keycloak.testsupport.QrCodes;
import net.trader4.keycloak.testsupport.Waits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser-flow QR login page when a load balancer sends its requests to either node. Over
 * plain HTTP, step by step: the page is drawn by node 1, its status endpoint (bound to the login's
 * cookie) is polled on both, the phone approves on node 2, the login finishes on node 2 and its
 * code is redeemed on node 1. And in real headless Chromium behind a round-robin balancer, where
 * the page, its scripts, every status poll and the final form post each reach the next node.
 */
@Order(2)
class QrLoginPageCrossNodeIT {

    private static final String CLIENT = "cluster-qr-web";
    private static final String REDIRECT = "http://127.0.0.1:18399/callback";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STATUS_URL = Pattern.compile("data-status-url=\"([^\"]+)\"");
    private static final Pattern IMAGE = Pattern.compile("id=\"trader4-qr-image\" src=\"data:image/png;base64,([^\"]+)\"");
    private static final String BALANCED_CLIENT = "cluster-qr-balanced";
    private static final int BALANCER_PORT = 8189;
    private static final Pattern FORM_ACTION = Pattern.compile("id=\"trader4-qr-form\" action=\"([^\"]+)\"");

    KeycloakCluster cluster;
    HttpClient browser;

    @BeforeEach
    void setUp() {
        cluster = KeycloakCluster.get();
        cluster.admin().qrLoginClient(CLIENT, REDIRECT);
        cluster.admin().qrLoginClient(BALANCED_CLIENT, balancedRedirect());
        // The QR codes outlive the approval, however slow a loaded machine makes it.
        cluster.admin().setRealmAttributes(Map.of("trader4.qr.createsPerIpPerHour", "10000", "trader4.qr.ttlSeconds", "600"));
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
        String approvalUrl = QrCodes.read(Base64.getDecoder().decode(find(IMAGE, html)));
        String token = approvalUrl.substring(approvalUrl.lastIndexOf('/') + 1);

        assertEquals("pending", status(statusOnNode2));
        assertEquals("pending", status(statusOnNode1));

        String email = approveOnPhone(cluster.node(2), token);

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
        assertEquals(email, emailOf(redeem(node1, CLIENT, code, REDIRECT)), "signed in as the user who approved");

        // The login is over on both nodes: its authentication session is gone, nothing is left to poll.
        assertEquals(401, get(statusOnNode1).statusCode());
        assertEquals(401, get(statusOnNode2).statusCode());
    }

    @Test
    void aBrowserBehindARoundRobinBalancerSignsInThroughTheQrPage() throws Exception {
        try (RoundRobinBalancer balancer = new RoundRobinBalancer(BALANCER_PORT, cluster.nodes())) {
            ChromeDriver desktop = HeadlessChromium.start();
            try {
                desktop.get(balancer.baseUrl() + "/realms/" + KeycloakCluster.REALM + "/protocol/openid-connect/auth?client_id="
                        + BALANCED_CLIENT + "&response_type=code&scope=openid&state=desktop"
                        + "&redirect_uri=" + URLEncoder.encode(balancedRedirect(), StandardCharsets.UTF_8));
                String src = new WebDriverWait(desktop, Waits.BOUND)
                        .until(d -> d.findElement(By.id("trader4-qr-image"))).getAttribute("src");
                String approvalUrl = QrCodes.read(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)));
                assertTrue(approvalUrl.startsWith(balancer.baseUrl() + "/"), "the QR names the balancer: " + approvalUrl);
                String token = approvalUrl.substring(approvalUrl.lastIndexOf('/') + 1);

                // The page's own polls reach both nodes, and both find the login, before anyone approves.
                new WebDriverWait(desktop, Waits.BOUND).withMessage(() -> "polls through the balancer: " + balancer.forwarded())
                        .until(d -> pollsAnsweredBy(balancer, 200).size() == 2);

                String email = approveOnPhone(cluster.node(1), token);

                new WebDriverWait(desktop, Waits.BOUND).withMessage(() -> "at " + desktop.getCurrentUrl() + " after " + balancer.forwarded())
                        .until(d -> d.getCurrentUrl().startsWith(balancedRedirect() + "?"));
                String location = desktop.getCurrentUrl();
                assertTrue(location.contains("state=desktop") && location.contains("code="), location);
                assertEquals(Set.of(), pollsAnsweredBy(balancer, 401), "no poll lost the login: " + balancer.forwarded());
                assertTrue(balancer.forwarded().stream().anyMatch(f -> f.method().equals("POST") && f.path().contains("/login-actions/")),
                        "the page's script posted the QR step's form through the balancer: " + balancer.forwarded());

                System.out.printf("BALANCER QR login in Chromium: %d requests, by node %s; status polls answered 200, by node %s%n",
                        balancer.forwarded().size(),
                        balancer.forwarded().stream().collect(Collectors.groupingBy(RoundRobinBalancer.Forwarded::node, Collectors.counting())),
                        balancer.forwarded().stream().filter(f -> f.path().endsWith("/trader4/qr-login-status") && f.status() == 200)
                                .collect(Collectors.groupingBy(RoundRobinBalancer.Forwarded::node, Collectors.counting())));
                String code = URLDecoder.decode(location.replaceFirst(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
                assertEquals(email, emailOf(redeem(cluster.node(2).realmUrl(KeycloakCluster.REALM), BALANCED_CLIENT, code,
                        balancedRedirect())), "signed in as the user who approved");
            } finally {
                desktop.quit();
            }
        }
    }

    /** A phone signed in by OTP on {@code node} approves the QR login; answers the phone user's email. */
    private String approveOnPhone(KeycloakNode node, String token) {
        ApiClient phone = node.api();
        KeycloakCluster.SignedIn user = cluster.newSignedInUser(phone);
        ApiClient.Answer approved = phone.post("qr/authorize", Map.of("token", token), "Bearer " + user.accessToken());
        assertEquals(200, approved.status(), approved.toString());
        return user.email();
    }

    /** The nodes whose answers to the page's status polls had this status. */
    private static Set<Integer> pollsAnsweredBy(RoundRobinBalancer balancer, int status) {
        return balancer.forwarded().stream()
                .filter(f -> f.path().endsWith("/trader4/qr-login-status") && f.status() == status)
                .map(RoundRobinBalancer.Forwarded::node)
                .collect(Collectors.toSet());
    }

    /** Where the balanced client is sent back to: a page any node serves, through the balancer. */
    private static String balancedRedirect() {
        return "http://127.0.0.1:" + BALANCER_PORT + "/realms/" + KeycloakCluster.REALM + "/.well-known/openid-configuration";
    }

    private HttpResponse<String> redeem(String realmUrl, String client, String code, String redirect)
            throws IOException, InterruptedException {
        HttpResponse<String> tokens = browser.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=" + client
                        + "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                        + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, tokens.statusCode(), tokens.body());
        return tokens;
    }

    private static String emailOf(HttpResponse<String> tokens) throws IOException {
        String accessToken = JSON.readTree(tokens.body()).path("access_token").asText();
        String claims = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
        return JSON.readTree(claims).path("email").asText();
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
}
