package net.trader4.keycloak.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import net.trader4.keycloak.cluster.support.KeycloakCluster.MailedCode;
import net.trader4.keycloak.cluster.support.KeycloakCluster;
import net.trader4.keycloak.testsupport.ApiClient.Answer;
import net.trader4.keycloak.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every step of a sign-in may land on either node: state, attempts and limits are cluster-wide. */
@Order(1)
class CrossNodeIT {

    KeycloakCluster cluster;
    ApiClient node1;
    ApiClient node2;

    @BeforeEach
    void setUp() {
        cluster = KeycloakCluster.get();
        node1 = cluster.node(1).api();
        node2 = cluster.node(2).api();
    }

    @Test
    void codeSentByNode1SignsInOnNode2Once() {
        MailedCode mailed = cluster.newUserWithCode(node1);
        String email = mailed.email();
        String code = mailed.code();

        Answer verified = node2.verify(email, code);
        assertEquals(200, verified.status(), verified.toString());
        assertTrue(verified.body().path("results").path("access_token").asText().startsWith("ey"));

        Answer replay = node1.verify(email, code);
        assertEquals(400, replay.status(), replay.toString());
        assertEquals("expired_code", replay.error());
    }

    @Test
    void wrongCodesSpreadOverBothNodesLockTheCodeAfterTheFifth() {
        MailedCode mailed = cluster.newUserWithCode(node1);
        String email = mailed.email();
        String code = mailed.code();
        String wrong = code.equals("000000") ? "111111" : "000000";
        ApiClient[] nodes = {node2, node1};
        for (int attempt = 1; attempt <= 4; attempt++) {
            Answer answer = nodes[attempt % 2].verify(email, wrong);
            assertEquals(400, answer.status(), answer.toString());
            assertEquals("invalid_code", answer.error());
            assertTrue(answer.body().path("message").asText().contains((5 - attempt) + (attempt == 4 ? " try" : " tries")),
                    answer.toString());
        }
        Answer fifth = node2.verify(email, wrong);
        assertEquals(429, fifth.status(), fifth.toString());
        assertEquals("too_many_attempts", fifth.error());

        Answer rightButLocked = node1.verify(email, code);
        assertEquals(429, rightButLocked.status(), rightButLocked.toString());
        assertEquals("too_many_attempts", rightButLocked.error());
    }

    @Test
    void twentyParallelVerifiesOnBothNodesYieldExactlyOneSignIn() throws Exception {
        MailedCode mailed = cluster.newUserWithCode(node2);
        String email = mailed.email();
        String code = mailed.code();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ApiClient node = i % 2 == 0 ? node1 : node2;
                Callable<Answer> verify = () -> {
                    go.await();
                    return node.verify(email, code);
                };
                answers.add(pool.submit(verify));
            }
            go.countDown();
            int signedIn = 0;
            for (Future<Answer> answer : answers) {
                Answer a = answer.get();
                assertTrue(a.status() < 500, a.toString());
                signedIn += a.status() == 200 ? 1 : 0;
            }
            assertEquals(1, signedIn);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cooldownAndHourlyCapHoldAcrossNodes() {
        try {
            cluster.admin().setRealmAttributes(Map.of("trader4.otp.resendCooldownSeconds", "30"));
            String cooled = cluster.admin().newEmailUser();
            assertEquals(200, node1.sign(cooled).status());
            Answer tooSoon = node2.sign(cooled);
            assertEquals(429, tooSoon.status(), tooSoon.toString());
            assertEquals("rate_limited", tooSoon.error());

            cluster.admin().setRealmAttributes(Map.of("trader4.otp.resendCooldownSeconds", "0",
                    "trader4.otp.sendsPerIdentifierPerHour", "3"));
            String capped = cluster.admin().newEmailUser();
            assertEquals(200, node1.sign(capped).status());
            assertEquals(200, node2.sign(capped).status());
            assertEquals(200, node1.sign(capped).status());
            Answer fourth = node2.sign(capped);
            assertEquals(429, fourth.status(), fourth.toString());
            assertEquals("rate_limited", fourth.error());
            assertEquals(429, node1.sign(capped).status());
        } finally {
            cluster.admin().setRealmAttributes(Map.of("trader4.otp.resendCooldownSeconds", "0",
                    "trader4.otp.sendsPerIdentifierPerHour", "100"));
        }
    }

    @Test
    void qrCreatedOnNode1ApprovedOnNode2ClaimedExactlyOnce() throws Exception {
        Answer created = node1.get("qr");
        assertEquals(200, created.status(), created.toString());
        String token = created.body().path("results").path("token").asText();
        String secret = created.body().path("results").path("secret").asText();
        Answer pending = node2.post("qr", Map.of("token", token, "secret", secret));
        assertEquals("authorization_pending", pending.error(), pending.toString());

        // The phone: signed in by a code on node 2, it approves there.
        KeycloakCluster.SignedIn phone = cluster.newSignedInUser(node2);
        String phoneToken = phone.accessToken();
        Answer approved = node2.post("qr/authorize", Map.of("token", token), "Bearer " + phoneToken);
        assertEquals(200, approved.status(), approved.toString());
        Answer secondDecision = node1.post("qr/authorize", Map.of("token", token, "action", "deny"), "Bearer " + phoneToken);
        assertTrue(secondDecision.status() >= 400 && secondDecision.status() < 500, "the first decision wins: " + secondDecision);

        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> checks = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ApiClient node = i % 2 == 0 ? node1 : node2;
                Callable<Answer> check = () -> {
                    go.await();
                    return node.post("qr", Map.of("token", token, "secret", secret));
                };
                checks.add(pool.submit(check));
            }
            go.countDown();
            int signedIn = 0;
            int claimed = 0;
            for (Future<Answer> check : checks) {
                Answer a = check.get();
                assertTrue(a.status() < 500, a.toString());
                signedIn += a.status() == 200 ? 1 : 0;
                claimed += "already_claimed".equals(a.error()) ? 1 : 0;
                if (a.status() == 200) {
                    assertEquals(phone.email(), a.body().path("results").path("email").asText());
                }
            }
            assertEquals(1, signedIn, "tokens go out exactly once across both nodes");
            assertEquals(9, claimed);
        } finally {
            pool.shutdownNow();
        }
    }
}
