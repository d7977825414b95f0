package net.trader4.keycloak.wallet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the published vectors copied into {@code src/test/resources/wallet-vectors}. */
final class WalletVectors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WalletVectors() {
    }

    static JsonNode json(String name) {
        try (InputStream in = open(name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = WalletVectors.class.getResourceAsStream("/wallet-vectors/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test vector file " + name);
        }
        return in;
    }
}
