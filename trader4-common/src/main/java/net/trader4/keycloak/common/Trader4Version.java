package net.trader4.keycloak.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/** The version of these providers and the Keycloak they were built against, as the build wrote them. */
public final class Trader4Version {

    private static final Properties BUILT = load();

    private Trader4Version() {
    }

    public static String version() {
        return BUILT.getProperty("version", "unknown");
    }

    public static String keycloak() {
        return BUILT.getProperty("keycloak", "unknown");
    }

    /** What each of our factories shows in Keycloak's server info (admin console: Provider info). */
    public static Map<String, String> operationalInfo() {
        return Map.of("trader4-version", version(), "built-for-keycloak", keycloak());
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Trader4Version.class.getResourceAsStream("trader4-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
