package net.trader4.keycloak.rest.api;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import net.trader4.keycloak.common.account.AccountError;
import net.trader4.keycloak.common.error.ErrorCode;
import net.trader4.keycloak.common.origin.PublicBaseUrl;
import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.qr.request.QrError;
import net.trader4.keycloak.rest.GoogleSignInResource;
import net.trader4.keycloak.rest.QrResource;
import net.trader4.keycloak.rest.SignInApiResource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every error vocabulary the API answers with. */
    private static final List<Class<? extends Enum<? extends ErrorCode>>> VOCABULARIES =
            List.of(OtpError.class, QrError.class, AccountError.class, RestError.class);
    /** The realm resource's paths outside the contract: the browser-flow login page's poll. */
    private static final Set<String> NOT_THE_API = Set.of("/qr-login-status");

    /** The approval page's own form, which a browser posts: form fields only. */
    private static final Set<String> BROWSER_FORMS = Set.of("qrApprovalDecision");

    private final ObjectNode document = OpenApiDocument.shipped();

    @Test
    void aRealOpenApiParserReadsTheDocumentAsOpenApi31WithoutComplaint() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(OpenApiDocument.forRealm("trader4", Optional.empty()), null, options);
        assertTrue(parsed.getMessages() == null || parsed.getMessages().isEmpty(), "parser messages: " + parsed.getMessages());
        OpenAPI api = parsed.getOpenAPI();
        assertNotNull(api, "no document was read");
        assertEquals(SpecVersion.V31, api.getSpecVersion());
        assertEquals("3.1.0", api.getOpenapi());
        assertTrue(api.getPaths().containsKey("/v1/oauth/sign"), api.getPaths().keySet().toString());
        assertNotNull(api.getComponents().getSchemas().get("SignedIn"), "the components were read");
    }

    @Test
    void everyErrorCodeIsDocumentedWithItsStatusOnSomeOperation() {
        Map<String, Set<Integer>> documented = errorStatusesOfOperations();
        List<String> missing = new ArrayList<>();
        for (Class<? extends Enum<? extends ErrorCode>> vocabulary : VOCABULARIES) {
            for (Enum<? extends ErrorCode> constant : vocabulary.getEnumConstants()) {
                ErrorCode error = (ErrorCode) constant;
                if (!documented.getOrDefault(error.code(), Set.of()).contains(error.status())) {
                    missing.add(vocabulary.getSimpleName() + "." + constant.name() + " = " + error.status() + " " + error.code());
                }
            }
        }
        assertTrue(missing.isEmpty(), "not answered by any documented operation: " + missing);
    }

    @Test
    void theListOfAllCodesIsExactlyWhatTheOperationsAnswer() {
        Map<String, Set<Integer>> listed = new java.util.TreeMap<>();
        document.path("x-error-codes").properties().forEach(code -> {
            Set<Integer> statuses = new TreeSet<>();
            code.getValue().forEach(status -> statuses.add(status.asInt()));
            listed.put(code.getKey(), statuses);
        });
        assertEquals(errorStatusesOfOperations(), listed, "x-error-codes");
        Set<String> enumerated = new TreeSet<>();
        document.at("/components/schemas/ErrorCode/enum").forEach(code -> enumerated.add(code.asText()));
        assertEquals(listed.keySet(), enumerated, "components.schemas.ErrorCode");
    }

    @Test
    void everyJaxRsEndpointIsDocumentedAndEveryDocumentedOperationExists() {
        Set<String> endpoints = new TreeSet<>();
        collect(SignInApiResource.class, "", endpoints);
        Set<String> operations = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> operations.add(method.toUpperCase() + " " + path.getKey())));

        List<String> undocumented = endpoints.stream().filter(endpoint -> operations.stream().noneMatch(op -> serves(endpoint, op))).toList();
        assertTrue(undocumented.isEmpty(), "JAX-RS endpoints missing from the document: " + undocumented);
        List<String> unserved = operations.stream().filter(op -> endpoints.stream().noneMatch(endpoint -> serves(endpoint, op))).toList();
        assertTrue(unserved.isEmpty(), "documented operations no resource serves: " + unserved);
        assertTrue(endpoints.contains("POST /v1/oauth/qr/authorize") && endpoints.contains("GET /v1/oauth/google/callback"),
                "sub-resources are walked: " + endpoints);
    }

    @Test
    void everyBodyOfTheJsonApiMayComeAsJsonOrAsFormFields() {
        List<String> oneEncodingOnly = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode content = operation.getValue().at("/requestBody/content");
            boolean page = BROWSER_FORMS.contains(operation.getValue().path("operationId").asText());
            if (!content.isMissingNode() && !page
                    && !(content.has("application/json") && content.has("application/x-www-form-urlencoded"))) {
                oneEncodingOnly.add(operation.getKey() + " " + path.getKey());
            }
        }));
        assertTrue(oneEncodingOnly.isEmpty(), "bodies with one encoding only: " + oneEncodingOnly);
    }

    @Test
    void theServedDocumentNamesTheRealmsApiAtTheConfiguredAddressOrAsAPath() throws Exception {
        JsonNode configured = JSON.readTree(OpenApiDocument.forRealm("demo", Optional.of(URI.create("https://login.example.com/"))));
        assertEquals("https://login.example.com/realms/demo/trader4", configured.at("/servers/0/url").asText());
        assertEquals(1, configured.path("servers").size());
        JsonNode unconfigured = JSON.readTree(OpenApiDocument.forRealm("demo", Optional.empty()));
        assertEquals("/realms/demo/trader4", unconfigured.at("/servers/0/url").asText());
        assertEquals(document.path("paths"), unconfigured.path("paths"), "the paths are served as shipped");
    }

    @Test
    void behindAProxyThatServesTheContractsPathsTheServerIsThePublicBaseUrl() throws Exception {
        JsonNode behindProxy = JSON.readTree(OpenApiDocument.forServer(PublicBaseUrl.parse("https://api.example.com/").server()));
        assertEquals("https://api.example.com", behindProxy.at("/servers/0/url").asText());
        assertEquals(1, behindProxy.path("servers").size());
        assertTrue(behindProxy.path("paths").has("/v1/oauth/sign"), "paths that follow the server make the contract's own URLs");
        assertEquals(document.path("paths"), behindProxy.path("paths"));
    }

    /** code → the statuses the document's operations answer it with (the 405 of every path included). */
    private Map<String, Set<Integer>> errorStatusesOfOperations() {
        Map<String, Set<Integer>> codes = new java.util.TreeMap<>();
        for (Iterator<JsonNode> paths = document.path("paths").elements(); paths.hasNext(); ) {
            for (Iterator<JsonNode> operations = paths.next().elements(); operations.hasNext(); ) {
                operations.next().path("responses").properties().forEach(response -> {
                    JsonNode answer = resolve(response.getValue());
                    for (JsonNode part : answer.at("/content/application~1json/schema/allOf")) {
                        JsonNode error = part.at("/properties/error");
                        List<JsonNode> named = new ArrayList<>();
                        error.path("enum").forEach(named::add);
                        if (error.has("const")) {
                            named.add(error.get("const"));
                        }
                        named.forEach(code -> codes.computeIfAbsent(code.asText(), c -> new TreeSet<>())
                                .add(Integer.parseInt(response.getKey())));
                    }
                });
            }
        }
        return codes;
    }

    private JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? document.at(node.get("$ref").asText().substring(1)) : node;
    }

    /** "METHOD /path" of every resource method, walking sub-resource locators. */
    private static void collect(Class<?> resource, String prefix, Set<String> endpoints) {
        for (Method method : resource.getDeclaredMethods()) {
            Path path = method.getAnnotation(Path.class);
            String full = path == null ? prefix : prefix + "/" + path.value();
            String httpMethod = method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST" : null;
            if (httpMethod != null) {
                if (NOT_THE_API.stream().noneMatch(full::equals)) {
                    endpoints.add(httpMethod + " " + full);
                }
            } else if (path != null && (method.getReturnType() == GoogleSignInResource.class || method.getReturnType() == QrResource.class)) {
                collect(method.getReturnType(), full, endpoints);
            }
        }
    }

    /** Whether the JAX-RS endpoint answers the documented operation: a template segment stands for any value. */
    private static boolean serves(String endpoint, String operation) {
        String pattern = java.util.regex.Pattern.quote(endpoint).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
        return operation.replaceAll("\\{[^}/]+}", "x").matches(pattern);
    }
}
