package net.trader4.keycloak.rest.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The one answer shape of the API: {@code {succeed, message, results, metas}}, plus {@code error}
 * on failures. {@code results} is {@code []} when there is nothing to return, as in the published
 * samples.
 */
public final class Envelope {

    public static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    /** Its own mapper: Keycloak's drops nulls, and the contract answers unknown fields as null. */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Envelope() {
    }

    /** {@code results}: a result record, a map, or {@code null} for none. */
    public static Response ok(String message, Object results) {
        return Response.status(200).entity(okJson(message, results)).type(JSON).cacheControl(noStore()).build();
    }

    /** The body of a success. */
    static String okJson(String message, Object results) {
        return json(body(true, message, results == null ? List.of() : results, null));
    }

    public static Response ok(String message) {
        return ok(message, null);
    }

    public static Response failure(ApiError error) {
        return failure(error, null);
    }

    /** A refusal that tells the client how to go on ({@code results}: e.g. the next step's token). */
    public static Response failure(ApiError error, Object results) {
        Response.ResponseBuilder response = Response.status(error.status())
                .entity(json(body(false, error.getMessage(), results == null ? List.of() : results, error.code())))
                .type(JSON)
                .cacheControl(noStore());
        if (error.retryAfterSeconds() > 0) {
            response.header("Retry-After", Long.toString(error.retryAfterSeconds()));
        }
        return response.build();
    }

    /** 405 for a method an API path does not take; {@code allowed} as in the {@code Allow} header. */
    public static Response methodNotAllowed(String allowed) {
        Response answer = failure(new ApiError(RestError.METHOD_NOT_ALLOWED, "Use " + allowed.replace(", ", " or ") + " for this endpoint."));
        return Response.fromResponse(answer).header("Allow", allowed).build();
    }

    private static Map<String, Object> body(boolean succeed, String message, Object results, String error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("succeed", succeed);
        body.put("message", message);
        if (error != null) {
            body.put("error", error);
        }
        body.put("results", results);
        body.put("metas", List.of());
        return body;
    }

    private static String json(Map<String, Object> body) {
        return write(body);
    }

    /** A result as the envelope writes it (nulls kept), e.g. to keep it for a later answer. */
    public static String write(Object results) {
        try {
            return MAPPER.writeValueAsString(results);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Envelope could not be written", e);
        }
    }

    /** A result {@link #write} wrote, as the envelope answers it again. */
    public static Object read(String written) {
        try {
            return MAPPER.readValue(written, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a written result", e);
        }
    }

    /** Answers carry tokens or one-time state: no cache may keep them. */
    static CacheControl noStore() {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setNoStore(true);
        cacheControl.setNoCache(true);
        return cacheControl;
    }
}
