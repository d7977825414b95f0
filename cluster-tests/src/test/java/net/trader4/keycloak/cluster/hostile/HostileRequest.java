package net.trader4.keycloak.cluster.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One malformed request, byte for byte as it goes on the wire.
 *
 * @param kind what makes it hostile, for the report
 */
public record HostileRequest(String kind, String method, String target, List<String[]> headers, byte[] body) {

    /** The same request to another path. */
    public HostileRequest withTarget(String otherTarget) {
        return new HostileRequest(kind, method, otherTarget, headers, body);
    }

    public String header(String name) {
        for (String[] header : headers) {
            if (header[0].equalsIgnoreCase(name)) {
                return header[1];
            }
        }
        return null;
    }

    /** The request as HTTP/1.1 bytes, closing the connection after the answer. */
    public byte[] toBytes() {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: 127.0.0.1\r\n");
        for (String[] header : headers) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        if (body.length > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[start.length + body.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }
}
