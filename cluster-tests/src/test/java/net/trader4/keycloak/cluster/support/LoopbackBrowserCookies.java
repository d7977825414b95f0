package net.trader4.keycloak.cluster.support;

import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cookie jar that behaves like a browser talking to http://127.0.0.1: cookies ignore the port
 * (RFC 6265), and {@code Secure} cookies are sent because browsers treat loopback origins as
 * trustworthy. {@link java.net.CookieManager} does neither: it withholds Keycloak's
 * {@code AUTH_SESSION_ID} ({@code Secure; SameSite=None}) over plain http and re-sends
 * {@code Version=1} cookies in RFC 2965 form, so a login would never find its session.
 */
public final class LoopbackBrowserCookies extends CookieHandler {

    private record Cookie(String value, String path) {
    }

    private final Map<String, Cookie> cookies = new LinkedHashMap<>();

    @Override
    public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        String header = cookies.entrySet().stream()
                .filter(cookie -> path.startsWith(cookie.getValue().path()))
                .map(cookie -> cookie.getKey() + "=" + cookie.getValue().value())
                .collect(Collectors.joining("; "));
        return header.isEmpty() ? Map.of() : Map.of("Cookie", List.of(header));
    }

    @Override
    public synchronized void put(URI uri, Map<String, List<String>> responseHeaders) {
        for (Map.Entry<String, List<String>> header : responseHeaders.entrySet()) {
            if (header.getKey() == null || !header.getKey().equalsIgnoreCase("Set-Cookie")) {
                continue;
            }
            for (String line : header.getValue()) {
                for (HttpCookie cookie : HttpCookie.parse(line)) {
                    if (cookie.getMaxAge() == 0) {
                        cookies.remove(cookie.getName());
                    } else {
                        cookies.put(cookie.getName(), new Cookie(cookie.getValue(), cookie.getPath() == null ? "/" : cookie.getPath()));
                    }
                }
            }
        }
    }
}
