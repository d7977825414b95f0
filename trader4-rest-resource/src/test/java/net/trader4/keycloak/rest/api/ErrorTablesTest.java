package net.trader4.keycloak.rest.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The error tables of the manual say what the OpenAPI document says: together they list exactly
 * its codes, each with the statuses the document gives it.
 */
class ErrorTablesTest {

    /** The manual, from this module's folder (where Maven runs the tests). */
    private static final Path DOCS = Path.of("..", "docs");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*(\\d{3})\\s*\\|([^|]*)\\|");
    private static final Pattern CODE = Pattern.compile("`([a-z_]+)`");

    @Test
    void theApiAndQrErrorTablesListExactlyTheDocumentsCodesAndStatuses() throws IOException {
        Set<String> tables = new TreeSet<>();
        List<String> apiTable = errorRows(DOCS.resolve("api.md"), "## Errors");
        List<String> qrTable = errorRows(DOCS.resolve("qr-login.md"), "## The QR API");
        assertFalse(apiTable.isEmpty() || qrTable.isEmpty(), "both error tables were found");
        tables.addAll(apiTable);
        tables.addAll(qrTable);

        Set<String> documented = new TreeSet<>();
        OpenApiDocument.shipped().path("x-error-codes").properties().forEach(code -> {
            for (JsonNode status : code.getValue()) {
                documented.add(status.asInt() + " " + code.getKey());
            }
        });
        Set<String> onlyInTables = new TreeSet<>(tables);
        onlyInTables.removeAll(documented);
        Set<String> notInTables = new TreeSet<>(documented);
        notInTables.removeAll(tables);
        assertEquals("", (onlyInTables.isEmpty() ? "" : "in docs/ but not in openapi.json: " + onlyInTables + "; ")
                + (notInTables.isEmpty() ? "" : "in openapi.json but in no error table of docs/: " + notInTables));
    }

    /**
     * "status code" of each row of the tables headed {@code | HTTP | `error` | ...} in one section
     * (the OAuth grant's table in api.md is Keycloak's token endpoint, not this API).
     */
    private static List<String> errorRows(Path markdown, String section) throws IOException {
        List<String> rows = new ArrayList<>();
        boolean inSection = false;
        boolean inTable = false;
        for (String line : Files.readAllLines(markdown)) {
            if (line.startsWith("## ")) {
                inSection = line.startsWith(section);
            }
            if (!inSection) {
                continue;
            }
            if (line.replace(" ", "").startsWith("|HTTP|`error`|")) {
                inTable = true;
                continue;
            }
            if (!line.startsWith("|")) {
                inTable = false;
            }
            Matcher row = ROW.matcher(line);
            if (inTable && row.find()) {
                Matcher code = CODE.matcher(row.group(2));
                while (code.find()) {
                    rows.add(row.group(1) + " " + code.group(1));
                }
            }
        }
        return rows;
    }
}
