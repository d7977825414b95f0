package net.trader4.keycloak.cluster;

import net.trader4.keycloak.cluster.support.KeycloakCluster.MailedCode;
import net.trader4.keycloak.cluster.support.KeycloakCluster;
import net.trader4.keycloak.testsupport.ApiClient.Answer;
import net.trader4.keycloak.testsupport.ApiClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kill -9} of the node a sign-in started on: with two owners per entry in Keycloak's
 * {@code actionTokens} cache, the other node holds every code, attempt and "used" marker.
 */
@Order(100)
class NodeLossIT {

    @Test
    void signInStartedOnAKilledNodeFinishesOnTheOtherOnceAndOnlyOnce() {
        KeycloakCluster cluster = KeycloakCluster.get();
        ApiClient node1 = cluster.node(1).api();
        ApiClient node2 = cluster.node(2).api();

        MailedCode finishedBefore = cluster.newUserWithCode(node1);
        assertEquals(200, node1.verify(finishedBefore.email(), finishedBefore.code()).status());

        MailedCode pendingMailed = cluster.newUserWithCode(node1);
        String pending = pendingMailed.email();
        String code = pendingMailed.code();
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertEquals("invalid_code", node1.verify(pending, wrong).error());
        assertEquals("invalid_code", node1.verify(pending, wrong).error());

        cluster.node(1).killHard();
        assertTrue(!cluster.node(1).isAlive());

        Answer afterLoss = node2.verify(pending, wrong);
        System.out.printf("CLUSTER first request on node 2 after kill -9 of node 1: %d ms%n", afterLoss.millis());
        assertEquals(400, afterLoss.status(), afterLoss.toString());
        assertTrue(afterLoss.body().path("message").asText().contains("2 tries left"),
                "the two wrong tries on the dead node still count: " + afterLoss);

        Answer finished = node2.verify(pending, code);
        assertEquals(200, finished.status(), finished.toString());
        Answer replay = node2.verify(pending, code);
        assertEquals("expired_code", replay.error(), replay.toString());

        Answer replayOfOld = node2.verify(finishedBefore.email(), finishedBefore.code());
        assertEquals("expired_code", replayOfOld.error(), replayOfOld.toString());

        cluster.newSignedInUser(node2); // the survivor still signs people in
    }
}
