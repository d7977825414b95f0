package net.trader4.keycloak.rest.api;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RequestFieldsTest {

    private static RequestFields json(String body) throws ApiError {
        return RequestFields.read("application/json; charset=utf-8", stream(body), MultivaluedHashMap::new);
    }

    private static ByteArrayInputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsonStringsAndIntegersAreFields() throws ApiError {
        RequestFields fields = json("{\"id\":\"hi@trader4.net\",\"code\":123456,\"extra\":null}");
        assertEquals("hi@trader4.net", fields.required("id"));
        assertEquals("123456", fields.required("code"));
        assertNull(fields.optional("extra"));
    }

    @Test
    void formFieldsComeFromKeycloaksDecodedForm() throws ApiError {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("id", "+447888872720");
        RequestFields fields = RequestFields.read("application/x-www-form-urlencoded", stream(""), () -> form);
        assertEquals("+447888872720", fields.required("id"));
    }

    @Test
    void repeatedFormFieldIsRefused() {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("id", "a");
        form.add("id", "b");
        ApiError error = assertThrows(ApiError.class, () -> RequestFields.read("application/x-www-form-urlencoded", stream(""), () -> form));
        assertEquals(400, error.status());
    }

    @Test
    void malformedOrMistypedJsonIs400() {
        for (String body : new String[]{"{", "[1,2]", "\"text\"", "{\"id\":{\"a\":1}}", "{\"id\":[\"x\"]}", "{\"id\":true}"}) {
            ApiError error = assertThrows(ApiError.class, () -> json(body).required("id"), body);
            assertEquals(400, error.status(), body);
            assertEquals("invalid_request", error.code(), body);
        }
    }

    @Test
    void missingOrBlankFieldIs400NamingTheField() throws ApiError {
        ApiError error = assertThrows(ApiError.class, () -> json("{\"id\":\"  \"}").required("id"));
        assertEquals("The field 'id' is required.", error.getMessage());
        assertThrows(ApiError.class, () -> RequestFields.read(null, stream(""), MultivaluedHashMap::new).required("id"));
    }

    @Test
    void oversizedBodyIs413() {
        ApiError error = assertThrows(ApiError.class, () -> json("{\"id\":\"" + "a".repeat(RequestFields.MAX_BODY_BYTES) + "\"}"));
        assertEquals(413, error.status());
        assertEquals("payload_too_large", error.code());
    }

    @Test
    void otherContentTypesAre415() {
        ApiError error = assertThrows(ApiError.class, () -> RequestFields.read("text/plain", stream("id=x"), MultivaluedHashMap::new));
        assertEquals(415, error.status());
        assertThrows(ApiError.class, () -> RequestFields.read(null, stream("{\"id\":\"x\"}"), MultivaluedHashMap::new));
    }

    @Test
    void invalidUtf8Is400() {
        byte[] body = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        ApiError error = assertThrows(ApiError.class,
                () -> RequestFields.read("application/json", new ByteArrayInputStream(body), MultivaluedHashMap::new));
        assertEquals(400, error.status());
    }
}
