package net.trader4.keycloak.twilio;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

class TwilioRetryPolicyTest {

    private final TwilioRetryPolicy policy = new TwilioRetryPolicy(3, Duration.ofMillis(100));

    @Test
    void repeatsOnlyAnswersThatMeanNothingWasDone() {
        assertTrue(policy.mayRepeat(429));
        assertTrue(policy.mayRepeat(500));
        assertTrue(policy.mayRepeat(503));
        assertFalse(policy.mayRepeat(502), "a gateway may have passed the request on");
        assertFalse(policy.mayRepeat(504), "a gateway may have passed the request on");
        assertFalse(policy.mayRepeat(400));
        assertFalse(policy.mayRepeat(201));
    }

    @Test
    void repeatsWhenNoConnectionWasMade() {
        assertTrue(policy.mayRepeat(new ConnectException("refused")));
        assertTrue(policy.mayRepeat(new HttpHostConnectException("refused")));
        assertTrue(policy.mayRepeat(new ConnectTimeoutException("connect timed out")));
        assertTrue(policy.mayRepeat(new UnknownHostException("api.twilio.com")));
    }

    @Test
    void neverRepeatsWhenTheRequestMayHaveArrived() {
        assertFalse(policy.mayRepeat(new SocketTimeoutException("Read timed out")));
        assertFalse(policy.mayRepeat(new NoHttpResponseException("no response")));
        assertFalse(policy.mayRepeat(new IOException("Connection reset")));
        assertFalse(policy.mayRepeat((Throwable) null));
    }

    @Test
    void backsOffExponentially() {
        assertEquals(Duration.ofMillis(100), policy.delayBefore(2));
        assertEquals(Duration.ofMillis(200), policy.delayBefore(3));
        assertEquals(Duration.ofMillis(400), policy.delayBefore(4));
    }
}
