package net.trader4.keycloak.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import net.trader4.keycloak.testsupport.ApiClient;

/**
 * A caller with an address of its own: its requests leave from one loopback address (any of
 * 127.0.0.0/8 is this machine), so a server or proxy sees a peer that no other test shares.
 * Plain HTTP/1.0 over a socket, because Java's HTTP client cannot choose its source address.
 */
public final class LoopbackCaller {

    private final String address;

    private LoopbackCaller(String address) {
        this.address = address;
    }

    /** A caller at a random address in 127.0.0.0/8 other than 127.0.0.1. */
    public static LoopbackCaller fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new LoopbackCaller("127." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(2, 255));
    }

    /** A status and its envelope. */
    public record Reply(int status, String head, String text, JsonNode body) {

        public String error() {
            return body.path("error").asText(null);
        }

        /** A response header's value, or {@code null}. */
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    public String address() {
        return address;
    }

    /** A form POST to {@code url}, with these extra headers (e.g. a made-up {@code X-Forwarded-For}). */
    public Reply postForm(String url, Map<String, String> fields, Map<String, String> headers) throws IOException {
        byte[] body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
        return send("POST", URI.create(url), body, headers);
    }

    /** A GET of {@code url}; redirects are answers, not followed. */
    public Reply get(String url) throws IOException {
        return send("GET", URI.create(url), null, Map.of());
    }

    private Reply send(String method, URI uri, byte[] body, Map<String, String> headers) throws IOException {
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.0\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
        if (body != null) {
            head.append("Content-Type: application/x-www-form-urlencoded\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n");
        }
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    private static Reply parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String response = all.toString(StandardCharsets.UTF_8);
        int status = Integer.parseInt(response.substring(response.indexOf(' ') + 1, response.indexOf(' ') + 4));
        int bodyAt = response.indexOf("\r\n\r\n");
        String head = bodyAt < 0 ? response : response.substring(0, bodyAt);
        String text = bodyAt < 0 ? "" : response.substring(bodyAt + 4);
        return new Reply(status, head, text, ApiClient.parse(text.isBlank() ? "{}" : text));
    }
}
