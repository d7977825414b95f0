package net.trader4.keycloak.twilio;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The SDK stamps a 30.5 s connect timeout on every request; ours must win. A listening socket
 * whose accept queue is full makes the kernel drop further connection attempts, so a connect
 * hangs the way it does towards a black-holed address.
 */
class TwilioHttpClientTimeoutTest {

    @Test
    void theConfiguredConnectTimeoutWinsOverTheSdks() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        List<Socket> queued = new ArrayList<>();
        try (ServerSocket full = new ServerSocket(0, 1, loopback)) {
            fillAcceptQueue(full, queued);
            TwilioHttpSettings settings = new TwilioHttpSettings(
                    TwilioBaseUrl.parse("http://127.0.0.1:" + full.getLocalPort()),
                    Duration.ofMillis(300), Duration.ofMillis(300), 2, Duration.ofMillis(10));
            Request request = new Request(HttpMethod.POST, "api", "/2010-04-01/Accounts/AC1/Messages.json");

            long started = System.nanoTime();
            try (TwilioHttpClient client = new TwilioHttpClient(settings)) {
                ApiException e = assertThrows(ApiException.class, () -> client.reliableRequest(request));
                assertInstanceOf(ConnectTimeoutException.class, e.getCause());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "two attempts of 300 ms took " + took);
        } finally {
            for (Socket socket : queued) {
                socket.close();
            }
        }
    }

    /** Connects until one attempt no longer completes at once. */
    private static void fillAcceptQueue(ServerSocket server, List<Socket> queued) throws Exception {
        for (int i = 0; i < 64; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), 200);
                queued.add(socket);
            } catch (java.net.SocketTimeoutException full) {
                socket.close();
                return;
            }
        }
        fail("the accept queue never filled up; cannot simulate a hanging connect here");
    }
}
