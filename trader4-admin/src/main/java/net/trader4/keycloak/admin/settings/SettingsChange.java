package net.trader4.keycloak.admin.settings;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.util.JsonSerialization;

/**
 * A change an administrator sends: a JSON object of realm attribute names to new values. A number,
 * {@code true}/{@code false} or an array of strings is taken as its text; {@code null} or an empty
 * string unsets the setting, so its default is in force again.
 */
final class SettingsChange {

    /** A body that is not such an object. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private SettingsChange() {
    }

    static Map<String, String> parse(String body) throws Unreadable {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : JsonSerialization.mapper.readTree(body);
        } catch (IOException e) {
            throw new Unreadable("The body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw new Unreadable("The body must be a JSON object of setting names to values, such as {\"trader4.otp.codeLength\": 8}.");
        }
        Map<String, String> changes = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            changes.put(field.getKey(), text(field.getKey(), field.getValue()));
        }
        return changes;
    }

    private static String text(String name, JsonNode value) throws Unreadable {
        if (value.isNull()) {
            return null;
        }
        if (value.isTextual() || value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isTextual()) {
                    throw new Unreadable("'" + name + "' takes a list of strings.");
                }
                items.add(item.asText());
            }
            return String.join(",", items);
        }
        throw new Unreadable("'" + name + "' takes a string, a number, true or false, or a list of strings.");
    }
}
