package net.trader4.keycloak.common.origin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Where clients reach this API when a proxy serves the contract's own paths
 * ({@code https://api.example.com/v1/oauth/sign} for {@code /realms/{realm}/trader4/v1/oauth/sign}):
 * the realm setting {@value #ATTRIBUTE}. The addresses the API hands out (the QR image, the
 * OpenAPI {@code servers}, the Google callback) are built on it; it is never taken from a
 * request's headers, which a caller or a phishing proxy chooses.
 */
public final class PublicBaseUrl {

    /** The realm attribute holding the setting. */
    public static final String ATTRIBUTE = "trader4.api.publicBaseUrl";

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final String API_PATH = "/v1/oauth";
    /** Where Google sign-in comes back to, below the API's root. */
    private static final String GOOGLE_CALLBACK = "/google/callback";
    /** Realm id → the invalid value last warned about, so that a bad value is reported once, not per request. */
    private static final Map<String, String> WARNED = new ConcurrentHashMap<>();

    private final String base;

    private PublicBaseUrl(String base) {
        this.base = base;
    }

    /**
     * The setting's value, normalised (no trailing slash); refuses what cannot be a public address
     * of the API, saying why. An absolute https URL (http only for a loopback host), without user
     * information, query or fragment; a path is allowed for a proxy that serves the API below one.
     */
    public static PublicBaseUrl parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("is empty");
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL (" + e.getReason() + ")");
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            throw new IllegalArgumentException("must be an absolute URL with a host, like https://api.example.com");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(uri.getHost()))) {
            throw new IllegalArgumentException("must be an https URL (http only for a loopback host)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must not hold a user name or password");
        }
        if (uri.getRawQuery() != null) {
            throw new IllegalArgumentException("must not have a query");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must not have a fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        if (path.endsWith(API_PATH)) {
            throw new IllegalArgumentException("must stop before " + API_PATH + ", which the API's paths add");
        }
        return new PublicBaseUrl(scheme + "://" + uri.getRawAuthority() + path);
    }

    /**
     * The setting in force for a realm: empty when unset. An invalid value is ignored (the
     * addresses stay Keycloak's own) and reported once per realm and value through {@code warn}.
     */
    public static Optional<PublicBaseUrl> read(String realmId, String realmName, String value, Consumer<String> warn) {
        if (value == null || value.isBlank()) {
            WARNED.remove(realmId);
            return Optional.empty();
        }
        try {
            PublicBaseUrl parsed = parse(value);
            WARNED.remove(realmId);
            return Optional.of(parsed);
        } catch (IllegalArgumentException e) {
            if (!value.equals(WARNED.put(realmId, value))) {
                warn.accept("Realm " + realmName + ": " + ATTRIBUTE + " " + e.getMessage()
                        + "; it is ignored, and the API hands out Keycloak's own addresses");
            }
            return Optional.empty();
        }
    }

    /** The OpenAPI document's server: the API's paths ({@code /v1/oauth/...}) follow it. */
    public String server() {
        return base;
    }

    /** The QR code's PNG for a QR login token. */
    public String qrImage(String token) {
        return base + API_PATH + "/qr/" + token + ".png";
    }

    /** Where Keycloak sends the browser back after a Google sign-in. */
    public String googleCallback() {
        return base + API_PATH + GOOGLE_CALLBACK;
    }

    /** The API's root on Keycloak's own host, which a public base URL stands in for: {@code /realms/{realm}/trader4/v1/oauth}. */
    public static String keycloakApiPath(String realmName) {
        return "/realms/" + realmName + "/trader4" + API_PATH;
    }

    /** Where Google sign-in comes back to on Keycloak's own host, as a path. */
    public static String keycloakGoogleCallback(String realmName) {
        return keycloakApiPath(realmName) + GOOGLE_CALLBACK;
    }

    @Override
    public String toString() {
        return base;
    }

    private static boolean isLoopback(String host) {
        return host.equalsIgnoreCase("localhost") || IPV4_LOOPBACK.matcher(host).matches() || host.equals("[::1]");
    }
}
