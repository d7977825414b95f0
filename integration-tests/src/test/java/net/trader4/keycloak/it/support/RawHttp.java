package net.trader4.keycloak.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import net.trader4.keycloak.testsupport.Waits;

/**
 * HTTP/1.1 over a plain socket, for requests Java's HTTP client refuses to send: a {@code Host}
 * header of the caller's choosing.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** Sends a GET with the given Host header; answers the whole response, status line first. */
    public static String get(String host, int port, String pathAndQuery, String hostHeader) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout((int) Waits.BOUND.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
