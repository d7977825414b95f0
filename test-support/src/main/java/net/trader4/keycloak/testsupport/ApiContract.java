package net.trader4.keycloak.testsupport;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

/**
 * The OpenAPI 3.1 document a server serves at {@code /realms/{realm}/trader4/v1/oauth/openapi.json},
 * and the check of one answer of the API against it: the status must be documented for the
 * operation (a method the path does not take: the documented 405), the content type one of the
 * response's, and a JSON body valid against the response's schema (JSON Schema 2020-12 in the
 * OpenAPI 3.1 dialect, by networknt's validator). Answers elsewhere (Keycloak's own endpoints)
 * are not the API's and are not checked.
 */
public final class ApiContract {

    /** Where the API starts in a request's path; what follows is a path of the document. */
    static final String API_ROOT = "/trader4/v1/oauth";
    private static final String DOCUMENT = API_ROOT + "/openapi.json";
    /** The name the document is registered under in the validator; never fetched. */
    private static final String DOCUMENT_IRI = "https://contract.trader4.invalid/openapi.json";
    private static final String METHOD_NOT_ALLOWED = "/components/responses/MethodNotAllowed";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One document per server, fetched once: every realm of a server answers the same contract. */
    private static final Map<String, ApiContract> BY_SERVER = new ConcurrentHashMap<>();

    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    /** Documented paths as patterns, the most literal first, as OpenAPI matches them. */
    private final List<Map.Entry<String, Pattern>> paths;

    ApiContract(String documentText) {
        try {
            this.document = JSON.readTree(documentText);
        } catch (java.io.IOException e) {
            throw new AssertionError("The served OpenAPI document is not JSON: " + e.getMessage());
        }
        if (!document.path("openapi").asText().startsWith("3.1")) {
            throw new AssertionError("The served document is not OpenAPI 3.1: " + document.path("openapi"));
        }
        this.schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31(), registry -> registry.schemas(Map.of(DOCUMENT_IRI, documentText)));
        this.paths = StreamSupport.stream(((Iterable<String>) () -> document.path("paths").fieldNames()).spliterator(), false)
                .sorted(Comparator.comparingInt((String path) -> path.replaceAll("\\{[^}]*}", "").length()).reversed())
                .map(path -> Map.entry(path, Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}]*}", "\\\\E[^/]+\\\\Q"))))
                .toList();
    }

    /** The contract the server at {@code realmUrl} serves, fetched with {@code fetch} the first time. */
    static ApiContract of(String realmUrl, Function<HttpRequest, HttpResponse<String>> fetch) {
        URI realm = URI.create(realmUrl);
        return BY_SERVER.computeIfAbsent(realm.getScheme() + "://" + realm.getRawAuthority(), server -> {
            HttpResponse<String> served = fetch.apply(HttpRequest.newBuilder(URI.create(realmUrl + DOCUMENT)).GET().build());
            if (served.statusCode() != 200) {
                throw new AssertionError("The server does not serve its OpenAPI document: GET " + DOCUMENT + " answered "
                        + served.statusCode() + " " + served.body());
            }
            return new ApiContract(served.body());
        });
    }

    /** Whether the request went to the API (the document's own paths), rather than to Keycloak. */
    static boolean isApi(URI request) {
        String path = request.getRawPath();
        return path != null && path.contains(API_ROOT + "/");
    }

    /** Fails with what differs when the answer is not one the document allows for this request. */
    void check(HttpRequest request, HttpResponse<String> response) {
        String method = request.method().toUpperCase(Locale.ROOT);
        String rawPath = request.uri().getRawPath();
        String apiPath = rawPath.substring(rawPath.indexOf(API_ROOT) + "/trader4".length());
        String call = method + " " + apiPath + " answered " + response.statusCode();
        if (method.equals("OPTIONS")) {
            return;
        }
        String operationName = method.equals("HEAD") ? "get" : method.toLowerCase(Locale.ROOT);
        List<String> matching = paths.stream().filter(p -> p.getValue().matcher(apiPath).matches()).map(Map.Entry::getKey).toList();
        if (matching.isEmpty()) {
            throw new AssertionError(call + ": the OpenAPI document has no such path");
        }
        // The most literal path that takes the method answers, as the server routes: GET qr/authorize is a token's page.
        String path = matching.stream().filter(p -> document.path("paths").path(p).has(operationName)).findFirst().orElse(matching.get(0));
        String pointer = "/paths/" + escape(path) + "/" + operationName;
        JsonNode operation = document.at(pointer);
        if (operation.isMissingNode()) {
            if (response.statusCode() != 405) {
                throw new AssertionError(call + ": the OpenAPI document has no " + method + " for " + path
                        + ", so the answer must be its 405");
            }
            checkResponse(call, METHOD_NOT_ALLOWED, response, method.equals("HEAD"));
            return;
        }
        String status = Integer.toString(response.statusCode());
        String documented = responseKey(operation.path("responses"), status)
                .orElseThrow(() -> new AssertionError(call + ": status " + status + " is not documented for " + method + " "
                        + path + " (documented: " + fieldNames(operation.path("responses")) + "); body: " + response.body()));
        checkResponse(call, pointer + "/responses/" + escape(documented), response, method.equals("HEAD"));
    }

    private void checkResponse(String call, String responsePointer, HttpResponse<String> response, boolean noBody) {
        JsonNode answer = document.at(responsePointer);
        if (answer.has("$ref")) {
            responsePointer = answer.get("$ref").asText().substring(1);
            answer = document.at(responsePointer);
        }
        JsonNode content = answer.path("content");
        String type = response.headers().firstValue("Content-Type").map(ApiContract::mediaType).orElse("");
        if (content.isMissingNode() || content.isEmpty()) {
            if (!noBody && !response.body().isEmpty()) {
                throw new AssertionError(call + ": the document gives this answer no body, but it came with "
                        + (type.isEmpty() ? "one" : type) + ": " + response.body());
            }
            return;
        }
        if (noBody) {
            return;
        }
        if (!content.has(type)) {
            throw new AssertionError(call + ": content type '" + type + "' is not documented for this answer (documented: "
                    + fieldNames(content) + "); body: " + response.body());
        }
        if (!type.equals("application/json")) {
            return;
        }
        String schemaPointer = responsePointer + "/content/" + escape(type) + "/schema";
        Schema schema = compiled.computeIfAbsent(schemaPointer,
                p -> schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + p)));
        List<Error> errors = schema.validate(response.body(), InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new AssertionError(call + ": the body does not match the OpenAPI document (" + schemaPointer + "): "
                    + errors.stream().map(e -> e.getInstanceLocation() + " " + e.getMessage()).collect(Collectors.joining("; "))
                    + "; body: " + response.body());
        }
    }

    /** The documented response for a status: the exact code, its range ({@code 4XX}) or {@code default}. */
    private static Optional<String> responseKey(JsonNode responses, String status) {
        for (String key : List.of(status, status.charAt(0) + "XX", "default")) {
            if (responses.has(key)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private static String mediaType(String contentType) {
        return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    private static String fieldNames(JsonNode node) {
        return String.join(", ", (Iterable<String>) node::fieldNames);
    }

    /** A JSON Pointer token (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
