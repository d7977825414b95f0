package net.trader4.keycloak.cluster.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/** Sends raw bytes to 127.0.0.1 and reads the whole answer: no client library tidies the request. */
public final class RawHttp {

    private static final int MAX_ANSWER_BYTES = 1 << 20;

    /** An answer; status 0 when the server closed the connection without one. */
    public record Answer(int status, String text) {
    }

    private RawHttp() {
    }

    public static Answer send(int port, byte[] request, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (SocketException e) {
                // The server may answer and close before it read a huge request: read what it said.
            }
            return parse(readAll(socket.getInputStream()));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0 && answer.size() < MAX_ANSWER_BYTES) {
                answer.write(buffer, 0, n);
            }
        } catch (SocketException e) {
            // reset after the answer
        }
        return answer.toByteArray();
    }

    static Answer parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.startsWith("HTTP/1.")) {
            return new Answer(0, text);
        }
        int space = text.indexOf(' ');
        try {
            return new Answer(Integer.parseInt(text.substring(space + 1, space + 4)), text);
        } catch (RuntimeException e) {
            return new Answer(0, text);
        }
    }
}
