package net.trader4.keycloak.rest.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The API's contract, {@code openapi.json} beside this class: the file the tests hold the API to,
 * served as it is except for {@code servers}, which names the realm that answers or the API's
 * public base URL.
 */
public final class OpenApiDocument {

    static final String RESOURCE = "/net/trader4/keycloak/rest/openapi.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectNode SHIPPED = load();

    private OpenApiDocument() {
    }

    /** The document as shipped, e.g. for a test to read. */
    public static ObjectNode shipped() {
        return SHIPPED.deepCopy();
    }

    /**
     * The document for one realm: its API at the configured address when the server has one,
     * otherwise as a path on whatever host the client used to fetch this document.
     */
    public static String forRealm(String realmName, Optional<URI> configuredOrigin) {
        String path = realmApiPath(realmName);
        return forServer(configuredOrigin.map(origin -> origin.toString().replaceAll("/+$", "") + path).orElse(path));
    }

    /** The document naming one server, the URL the API's paths ({@code /v1/oauth/...}) follow. */
    public static String forServer(String url) {
        ObjectNode document = shipped();
        document.putArray("servers").addObject().put("url", url);
        return Envelope.write(document);
    }

    private static String realmApiPath(String realmName) {
        try {
            return new URI(null, null, "/realms/" + realmName + "/trader4", null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a realm name: " + realmName, e);
        }
    }

    private static ObjectNode load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the providers' jar");
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
