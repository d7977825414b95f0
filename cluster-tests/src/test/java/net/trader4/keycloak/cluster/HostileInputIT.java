package net.trader4.keycloak.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import net.trader4.keycloak.cluster.hostile.HostileRequest;
import net.trader4.keycloak.cluster.hostile.HostileRequests;
import net.trader4.keycloak.cluster.hostile.RawHttp;
import net.trader4.keycloak.cluster.support.KeycloakCluster;
import net.trader4.keycloak.cluster.support.KeycloakNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 20,000 generated malformed requests against every endpoint, spread over both nodes: no 5xx, no
 * stack trace, no tokens for anyone, every request answered, and both nodes healthy and signing people in afterwards.
 * {@code -Dhostile.seed} and {@code -Dhostile.count} replay or widen a run.
 *
 * <p>Every request is framed as valid HTTP/1.1 (its Content-Length matches its body, it asks to close
 * the connection afterwards); what is hostile is inside: values, bodies, sizes, types, methods and
 * paths. Keycloak's HTTP layer answers even what it refuses before any provider runs with a status
 * (400, 413, 414, 431), and {@link RawHttp} still reads an answer sent before the server closed on an
 * unread body. A connection closed without a status line is a request nobody answered, which a
 * client cannot tell from an outage, so none is allowed.
 *
 * <p>A few malformed requests fail inside Keycloak's HTTP layer before any provider runs (see
 * docs/api.md). A 5xx is set apart as Keycloak's own only when Keycloak's token endpoint answers
 * the very same method and bytes with a 5xx too and, for a body Keycloak failed to parse, the
 * endpoint takes the method (a path that refuses it must never read the body); the report names
 * each kind with a request to replay. Every other 5xx fails the test.
 */
@Order(2)
class HostileInputIT {

    private static final long SEED = Long.getLong("hostile.seed", 20261126L);
    private static final int COUNT = Integer.getInteger("hostile.count", 20_000);
    private static final int THREADS = 4;
    /** Keycloak's security-headers filter parses the request's Content-Type for every answer, whatever the method. */
    private static final String CONTENT_TYPE_LAYER = "Content-Type header parser";
    private static final Pattern STACK_TRACE = Pattern.compile(
            "(\\tat |\\n\\s*at [\\w$.]+\\(|Caused by:|\\b[\\w.]+(Exception|Error)\\b|java\\.lang\\.|org\\.keycloak\\.[\\w.]+\\()");

    @Test
    void malformedRequestsGetNoServerErrorAndNoStackTrace() throws Exception {
        KeycloakCluster cluster = KeycloakCluster.get();
        HostileRequests generator = new HostileRequests(SEED, "/realms/" + KeycloakCluster.REALM);
        Map<String, LongAdder> byKindAndStatus = new ConcurrentHashMap<>();
        Map<String, LongAdder> byEndpointAndStatus = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        LongAdder serverErrors = new LongAdder();
        Map<String, LongAdder> keycloakOwn = new ConcurrentHashMap<>();
        Map<String, String> keycloakOwnExample = new ConcurrentHashMap<>();
        String tokenEndpoint = "/realms/" + KeycloakCluster.REALM + "/protocol/openid-connect/token";
        LongAdder stackTraces = new LongAdder();
        LongAdder signedIn = new LongAdder();
        LongAdder closedWithoutAnswer = new LongAdder();
        AtomicLong next = new AtomicLong();
        long started = System.nanoTime();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            pool.submit(() -> {
                for (long i = next.getAndIncrement(); i < COUNT; i = next.getAndIncrement()) {
                    HostileRequest request = generator.request(i);
                    KeycloakNode node = cluster.node((int) (i % 2) + 1);
                    RawHttp.Answer answer;
                    try {
                        answer = RawHttp.send(node.httpPort(), request.toBytes(), 30_000);
                    } catch (IOException e) {
                        failures.add("#" + i + " " + request.kind() + ": no answer: " + e);
                        continue;
                    }
                    byKindAndStatus.computeIfAbsent(request.kind() + " " + answer.status(), k -> new LongAdder()).increment();
                    byEndpointAndStatus.computeIfAbsent(generator.endpointOf(request) + " " + answer.status(), k -> new LongAdder()).increment();
                    if (answer.status() == 0) {
                        closedWithoutAnswer.increment();
                        failures.add("#" + i + " " + request.kind() + " " + request.method() + ": closed without an answer: "
                                + head(answer.text()));
                    }
                    if (answer.status() >= 500) {
                        String layer = keycloakLayer(request);
                        boolean keycloakReadsIt = generator.takesMethod(request) || layer.startsWith(CONTENT_TYPE_LAYER);
                        if (keycloakReadsIt && failsOnKeycloaksOwnEndpointToo(node, request.withTarget(tokenEndpoint))) {
                            keycloakOwn.computeIfAbsent(layer, k -> new LongAdder()).increment();
                            keycloakOwnExample.putIfAbsent(layer, "#" + i + " " + request.method() + " "
                                    + head(request.target()) + " -> " + head(answer.text()));
                        } else {
                            serverErrors.increment();
                            failures.add("#" + i + " " + request.kind() + " " + request.method() + ": " + head(answer.text()));
                        }
                    }
                    if (answer.text().contains("\"access_token\"") || answer.text().contains("\"refresh_token\"")) {
                        signedIn.increment();
                        failures.add("#" + i + " " + request.kind() + " " + request.method() + ": tokens: " + head(answer.text()));
                    }
                    if (STACK_TRACE.matcher(answer.text()).find()) {
                        stackTraces.increment();
                        failures.add("#" + i + " " + request.kind() + ": stack trace: " + head(answer.text()));
                    }
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(20, TimeUnit.MINUTES), "the hostile run did not end in 20 minutes");
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf("HOSTILE seed %d: %d requests in %.1f s (%.0f/s) over %d nodes%n", SEED, COUNT, seconds,
                COUNT / seconds, cluster.nodes().size());
        new TreeMap<>(byKindAndStatus).forEach((key, count) -> System.out.printf("HOSTILE   %-28s %6d%n", key, count.sum()));
        new TreeMap<>(byEndpointAndStatus).forEach((key, count) -> System.out.printf("HOSTILE   %-40s %6d%n", key, count.sum()));
        System.out.printf("HOSTILE 5xx counted: %d; stack traces: %d; answers with tokens: %d; closed without answer: %d%n",
                serverErrors.sum(), stackTraces.sum(), signedIn.sum(), closedWithoutAnswer.sum());
        new TreeMap<>(keycloakOwn).forEach((layer, count) -> System.out.printf(
                "HOSTILE 5xx set apart, Keycloak's token endpoint fails alike (before any provider runs): %s %d, e.g. %s%n",
                layer, count.sum(), keycloakOwnExample.get(layer)));
        System.out.printf("HOSTILE 5xx set apart in all: %d (replay one: -Dhostile.seed=%d -Dhostile.count=<#+1>)%n",
                keycloakOwn.values().stream().mapToLong(LongAdder::sum).sum(), SEED);
        failures.stream().limit(20).forEach(f -> System.out.println("HOSTILE failure " + f));

        assertEquals(0, serverErrors.sum(), "5xx answers: " + failures.stream().limit(5).toList());
        assertEquals(0, stackTraces.sum(), "stack traces: " + failures.stream().limit(5).toList());
        assertEquals(0, signedIn.sum(), "hostile requests given tokens: " + failures.stream().limit(5).toList());
        assertEquals(0, closedWithoutAnswer.sum(), "requests closed without an answer: " + failures.stream().limit(5).toList());
        assertTrue(failures.isEmpty(), failures.stream().limit(5).toList().toString());

        for (KeycloakNode node : cluster.nodes()) {
            assertTrue(node.isReady(), "node " + node.index() + " healthy after the run");
            // A real sign-in on each node after the run (the helper fails on anything but 200).
            cluster.newSignedInUser(node.api());
        }
    }

    @Test
    void wrongMethodsOnTheApiGetThe405Envelope() throws Exception {
        KeycloakCluster cluster = KeycloakCluster.get();
        Map<String, String> allowedByPath = new TreeMap<>(Map.of(
                "sign", "POST", "verify", "POST", "google/token", "POST", "google", "GET", "google/callback", "GET",
                "qr", "GET, POST", "qr/authorize", "POST", "qr/tr0123456789abcdefghijkl", "GET, POST"));
        for (Map.Entry<String, String> path : allowedByPath.entrySet()) {
            for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
                if (path.getValue().contains(method)
                        || (method.equals("GET") && path.getKey().equals("qr/authorize"))) {
                    continue; // GET qr/authorize is the approval page of a QR token named "authorize"
                }
                HostileRequest request = new HostileRequest("wrong-method", method,
                        "/realms/" + KeycloakCluster.REALM + "/trader4/v1/oauth/" + path.getKey(), List.of(), new byte[0]);
                RawHttp.Answer answer = RawHttp.send(cluster.node(2).httpPort(), request.toBytes(), 30_000);
                String what = method + " " + path.getKey() + ": " + answer.text();
                assertEquals(405, answer.status(), what);
                assertTrue(answer.text().contains("\"error\":\"method_not_allowed\""), what);
                assertTrue(answer.text().contains("\"succeed\":false"), what);
                assertTrue(answer.text().toLowerCase(Locale.ROOT).contains("\r\nallow: " + path.getValue().toLowerCase(Locale.ROOT) + "\r\n"), what);
            }
        }
    }

    private static boolean failsOnKeycloaksOwnEndpointToo(KeycloakNode node, HostileRequest sameBytes) {
        try {
            return RawHttp.send(node.httpPort(), sameBytes.toBytes(), 30_000).status() >= 500;
        } catch (IOException e) {
            return false;
        }
    }

    /** Which part of Keycloak's HTTP layer a request trips, for the report. */
    private static String keycloakLayer(HostileRequest request) {
        String type = request.header("Content-Type");
        String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (lower.startsWith("multipart/")) {
            return "multipart body parser";
        }
        if (lower.startsWith("application/x-www-form-urlencoded")
                && HostileRequests.hasMalformedPercent(new String(request.body(), StandardCharsets.ISO_8859_1))) {
            return "form parser, malformed percent-encoding";
        }
        return CONTENT_TYPE_LAYER + " (" + type + ")";
    }

    private static String head(String text) {
        String oneLine = text.replace("\r", "").replace("\n", " | ");
        return oneLine.substring(0, Math.min(400, oneLine.length()));
    }
}
