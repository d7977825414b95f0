package net.trader4.keycloak.rest.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.util.JsonSerialization;

/**
 * The fields of a request body, sent either as JSON or as form fields. Reads at most
 * {@link #MAX_BODY_BYTES}; anything larger, malformed or of another type is refused with a 4xx.
 */
public final class RequestFields {

    public static final int MAX_BODY_BYTES = 16 * 1024;
    private static final int MAX_FIELDS = 32;

    private final Map<String, String> fields;

    private RequestFields(Map<String, String> fields) {
        this.fields = fields;
    }

    /**
     * @param formFields the form fields Keycloak's HTTP layer already decoded: it consumes form
     *                   bodies before any resource sees them
     */
    public static RequestFields read(String contentType, InputStream body,
                                     Supplier<MultivaluedMap<String, String>> formFields) throws ApiError {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
        if (type.equals("application/x-www-form-urlencoded")) {
            return new RequestFields(form(formFields.get()));
        }
        String text = readText(body);
        if (text.isBlank()) {
            return new RequestFields(Map.of());
        }
        if (type.equals("application/json") || type.endsWith("+json")) {
            return new RequestFields(json(text));
        }
        throw new ApiError(RestError.UNSUPPORTED_MEDIA_TYPE,
                "Send the fields as application/json or application/x-www-form-urlencoded.");
    }

    /** A field that must be present and not blank. */
    public String required(String name) throws ApiError {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            throw ApiError.invalidRequest("The field '" + name + "' is required.");
        }
        return value;
    }

    public String optional(String name) {
        return fields.get(name);
    }

    private static String readText(InputStream body) throws ApiError {
        if (body == null) {
            return "";
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw ApiError.invalidRequest("The request body could not be read.");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ApiError(RestError.PAYLOAD_TOO_LARGE, "The request body is larger than " + MAX_BODY_BYTES + " bytes.");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiError.invalidRequest("The request body is not valid UTF-8.");
        }
    }

    private static Map<String, String> json(String text) throws ApiError {
        JsonNode root;
        try {
            root = JsonSerialization.mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiError.invalidRequest("The request body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw ApiError.invalidRequest("The request body must be a JSON object.");
        }
        if (root.size() > MAX_FIELDS) {
            throw ApiError.invalidRequest("The request body has too many fields.");
        }
        Map<String, String> fields = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isTextual()) {
                fields.put(field.getKey(), value.textValue());
            } else if (value.isIntegralNumber()) {
                fields.put(field.getKey(), value.asText());
            } else if (!value.isNull()) {
                throw ApiError.invalidRequest("The field '" + field.getKey() + "' must be a string.");
            }
        }
        return fields;
    }

    private static Map<String, String> form(MultivaluedMap<String, String> decoded) throws ApiError {
        if (decoded == null || decoded.isEmpty()) {
            return Map.of();
        }
        if (decoded.size() > MAX_FIELDS) {
            throw ApiError.invalidRequest("The request body has too many fields.");
        }
        Map<String, String> fields = new HashMap<>();
        int total = 0;
        for (Map.Entry<String, List<String>> field : decoded.entrySet()) {
            List<String> values = field.getValue();
            if (values.size() > 1) {
                throw ApiError.invalidRequest("The field '" + field.getKey() + "' is given more than once.");
            }
            String value = values.isEmpty() ? "" : values.get(0);
            total += field.getKey().length() + value.length();
            if (total > MAX_BODY_BYTES) {
                throw new ApiError(RestError.PAYLOAD_TOO_LARGE, "The request body is larger than " + MAX_BODY_BYTES + " bytes.");
            }
            fields.put(field.getKey(), value);
        }
        return fields;
    }
}
