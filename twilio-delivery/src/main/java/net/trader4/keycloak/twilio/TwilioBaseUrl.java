package net.trader4.keycloak.twilio;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where Twilio API calls go instead of {@code https://*.twilio.com}: only a scheme, host and
 * port. A call keeps its path and query, so {@code https://api.twilio.com/2010-04-01/...} with
 * base {@code http://127.0.0.1:8089} becomes {@code http://127.0.0.1:8089/2010-04-01/...}.
 * Plain http only to this machine: every call carries the account's credentials.
 */
public record TwilioBaseUrl(String scheme, String host, int port) {

    private static final Pattern LOOPBACK_V4 =
            Pattern.compile("127\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){2}");

    public TwilioBaseUrl {
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("The Twilio API base URL must start with http:// or https://");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("The Twilio API base URL must name a host");
        }
        if ("http".equals(scheme) && !isLoopback(host)) {
            throw new IllegalArgumentException(
                    "The Twilio API base URL must use https:// unless it is on this machine (localhost, 127.0.0.0/8, ::1)");
        }
    }

    /**
     * @throws IllegalArgumentException when the text is not {@code scheme://host[:port][/]}; a
     *                                  path would be silently dropped, so it is refused instead
     */
    public static TwilioBaseUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The Twilio API base URL is not a valid URL", e);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !"/".equals(path)) || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "The Twilio API base URL may hold only a scheme, host and port, like http://127.0.0.1:8089");
        }
        return new TwilioBaseUrl(scheme, uri.getHost(), uri.getPort());
    }

    /** The same address with this scheme, host and port; path and query stay as they were (encoded). */
    public URL redirect(URL original) {
        String path = original.getPath().isEmpty() ? "/" : original.getPath();
        String query = original.getQuery() == null ? "" : "?" + original.getQuery();
        try {
            return URI.create(this + path + query).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot redirect a Twilio API URL to " + this, e);
        }
    }

    /** Judged by the name alone: resolving it here could be steered by whoever controls DNS. */
    static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.equals("localhost") || name.equals("::1") || name.equals("0:0:0:0:0:0:0:1")
                || LOOPBACK_V4.matcher(name).matches();
    }

    @Override
    public String toString() {
        return scheme + "://" + host + (port < 0 ? "" : ":" + port);
    }
}
