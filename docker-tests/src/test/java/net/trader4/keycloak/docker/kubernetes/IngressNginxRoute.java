package net.trader4.keycloak.docker.kubernetes;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where ingress-nginx sends a request for an Ingress: the backend and the path Keycloak receives.
 * With {@code use-regex} (or a {@code rewrite-target}) each path becomes a case-insensitive regex
 * location anchored at the start ({@code location ~* "^<path>"}) and the target is applied as
 * {@code rewrite "(?i)<path>" <target> break;}, {@code $n} naming the path's groups.
 */
record IngressNginxRoute(String service, int port, String upstreamPath) {

    private static final String ANNOTATIONS = "nginx.ingress.kubernetes.io/";

    static Optional<IngressNginxRoute> of(JsonNode ingress, String host, String requestPath) {
        JsonNode annotations = ingress.path("metadata").path("annotations");
        String target = annotations.path(ANNOTATIONS + "rewrite-target").asText(null);
        boolean regex = target != null || "true".equals(annotations.path(ANNOTATIONS + "use-regex").asText());
        for (JsonNode rule : ingress.path("spec").path("rules")) {
            if (!host.equals(rule.path("host").asText())) {
                continue;
            }
            for (JsonNode path : rule.path("http").path("paths")) {
                String declared = path.path("path").asText();
                JsonNode backend = path.path("backend").path("service");
                Optional<String> upstream = regex ? rewrite(declared, target, requestPath) : prefix(declared, requestPath);
                if (upstream.isPresent()) {
                    return Optional.of(new IngressNginxRoute(backend.path("name").asText(),
                            backend.path("port").path("number").asInt(), upstream.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> rewrite(String declared, String target, String requestPath) {
        Matcher location = Pattern.compile("^" + declared, Pattern.CASE_INSENSITIVE).matcher(requestPath);
        if (!location.find()) {
            return Optional.empty();
        }
        if (target == null) {
            return Optional.of(requestPath);
        }
        Matcher rewrite = Pattern.compile(declared, Pattern.CASE_INSENSITIVE).matcher(requestPath);
        rewrite.find();
        StringBuilder result = new StringBuilder();
        Matcher group = Pattern.compile("\\$(\\d)").matcher(target);
        while (group.find()) {
            group.appendReplacement(result, Matcher.quoteReplacement(rewrite.group(Integer.parseInt(group.group(1)))));
        }
        group.appendTail(result);
        return Optional.of(result.toString());
    }

    private static Optional<String> prefix(String declared, String requestPath) {
        return requestPath.startsWith(declared) ? Optional.of(requestPath) : Optional.empty();
    }
}
