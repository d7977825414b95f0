package net.trader4.keycloak.cluster;

import net.trader4.keycloak.cluster.support.ApiClient;
import net.trader4.keycloak.cluster.support.ApiClient.Answer;
import net.trader4.keycloak.cluster.support.KeycloakCluster;
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
        ApiClient node1 = new ApiClient(cluster.node(1));
        ApiClient node2 = new ApiClient(cluster.node(2));

        String finishedBefore = cluster.admin().newEmailUser();
        int seen = cluster.mail().countTo(finishedBefore);
        assertEquals(200, node1.sign(finishedBefore).status());
        String usedCode = cluster.mail().codeSentTo(finishedBefore, seen);
        assertEquals(200, node1.verify(finishedBefore, usedCode).status());

        String pending = cluster.admin().newEmailUser();
        seen = cluster.mail().countTo(pending);
        assertEquals(200, node1.sign(pending).status());
        String code = cluster.mail().codeSentTo(pending, seen);
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

        Answer replayOfOld = node2.verify(finishedBefore, usedCode);
        assertEquals("expired_code", replayOfOld.error(), replayOfOld.toString());

        String fresh = cluster.admin().newEmailUser();
        seen = cluster.mail().countTo(fresh);
        assertEquals(200, node2.sign(fresh).status(), "the survivor still signs people in");
        assertEquals(200, node2.verify(fresh, cluster.mail().codeSentTo(fresh, seen)).status());
    }
}
