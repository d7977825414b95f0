package net.trader4.keycloak.rest.api;

import java.util.List;

import net.trader4.keycloak.rest.api.results.Profile;
import net.trader4.keycloak.rest.api.results.QrCreatedResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvelopeTest {

    private static final Profile PROFILE = new Profile("Ada", null, "Lovelace", "ada@example.test", null, null, "GB", "en",
            null, null, null, Boolean.TRUE, null, "at", "bearer", 300, "rt", 1800, "it", "openid email");

    @Test
    void aProfileIsWrittenInTheContractsOrderWithUnknownFieldsAsNull() {
        String json = Envelope.write(PROFILE);
        List<String> order = List.of("first_name", "middle_name", "last_name", "email", "mobile", "phone_number", "country",
                "language", "timezone", "currency", "last_connection", "private", "avatar", "access_token", "token_type",
                "expires_in", "refresh_token", "refresh_expires_in", "id_token", "scope");
        int at = -1;
        for (String field : order) {
            int next = json.indexOf("\"" + field + "\":");
            assertTrue(next > at, field + " after the field before it: " + json);
            at = next;
        }
        assertTrue(json.contains("\"middle_name\":null"), json);
        assertTrue(json.contains("\"private\":true") && json.contains("\"expires_in\":300"), json);
    }

    @Test
    void aWrittenResultReadsBackAsTheSameFields() {
        Object read = Envelope.read(Envelope.write(PROFILE));
        assertEquals(Envelope.write(PROFILE), Envelope.write(read), "what a hand-off stores answers the same later");
    }

    @Test
    void resultRecordsGoIntoResultsWithTheContractsNames() {
        String body = Envelope.okJson("created", new QrCreatedResult("tr1", "2026-12-04T10:00:00.000000Z", "https://x/1.png", "s"));
        assertTrue(body.startsWith("{\"succeed\":true,\"message\":\"created\",\"results\":{\"token\":\"tr1\",\"expired_at\":"), body);
        assertTrue(body.endsWith("\"metas\":[]}"), body);
    }

    @Test
    void noResultsAreAnEmptyList() {
        assertTrue(Envelope.okJson("done", null).contains("\"results\":[]"));
    }
}
