package net.trader4.keycloak.twilio;

import java.net.URL;
import java.util.List;
import java.util.Map;

import com.twilio.http.Request;

/**
 * A copy of an SDK request that goes to another address. The SDK has no base-URL option, and
 * its {@code Request} decides the address in {@link #constructURL()}, so the copy overrides
 * that and carries everything else (parameters, body, headers, credentials) over unchanged.
 */
final class RedirectedRequest extends Request {

    private final URL target;

    RedirectedRequest(Request original, URL target) {
        super(original.getMethod(), original.getUrl());
        this.target = target;
        copy(original.getQueryParams(), this::addQueryParam);
        copy(original.getPostParams(), this::addPostParam);
        copy(original.getHeaderParams(), this::addHeaderParam);
        setFormParameters(original.getFormParameters());
        setContentType(original.getContentType());
        setBody(original.getBody());
        setUserAgentExtensions(original.getUserAgentExtensions());
        if (original.getAuthStrategy() != null) {
            setAuth(original.getAuthStrategy());
        } else if (original.getUsername() != null) {
            setAuth(original.getUsername(), original.getPassword());
        }
    }

    @Override
    public URL constructURL() {
        return target;
    }

    private static void copy(Map<String, List<String>> from, Adder to) {
        from.forEach((name, values) -> values.forEach(value -> to.add(name, value)));
    }

    @FunctionalInterface
    private interface Adder {
        void add(String name, String value);
    }
}
