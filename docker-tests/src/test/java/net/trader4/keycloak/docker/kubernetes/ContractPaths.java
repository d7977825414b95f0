package net.trader4.keycloak.docker.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paths of the public contract below {@code /v1/oauth}, as the API docs name them
 * ({@code `POST /sign`}) and as the REST resource declares them ({@code @Path}), with sample
 * values for path parameters.
 */
final class ContractPaths {

    private static final Pattern DOCUMENTED = Pattern.compile("`(?:GET|POST) (/[A-Za-z0-9/{}._-]*)");
    private static final Pattern DECLARED = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]*}");
    private static final String SAMPLE_TOKEN = "tr0123456789abcdef0123456789abcdef";
    private static final String REST = "trader4-rest-resource/src/main/java/net/trader4/keycloak/rest/";

    private ContractPaths() {
    }

    /** Paths such as {@code /sign} or {@code /qr/tr…}, relative to {@code /v1/oauth}. */
    static Set<String> of(Path repository) {
        Set<String> paths = new TreeSet<>();
        for (String doc : new String[] {"docs/api.md", "docs/qr-login.md"}) {
            Matcher m = DOCUMENTED.matcher(read(repository.resolve(doc)));
            while (m.find()) {
                paths.add(sample(m.group(1)));
            }
        }
        Matcher locators = DECLARED.matcher(read(repository.resolve(REST + "SignInApiResource.java")));
        while (locators.find()) {
            if (locators.group(1).startsWith("v1/oauth/")) {
                paths.add(sample("/" + locators.group(1).substring("v1/oauth/".length())));
            }
        }
        for (Map.Entry<String, String> sub : Map.of("GoogleSignInResource.java", "/google", "QrResource.java", "/qr").entrySet()) {
            Matcher m = DECLARED.matcher(read(repository.resolve(REST + sub.getKey())));
            while (m.find()) {
                paths.add(sample(sub.getValue() + "/" + m.group(1)));
            }
        }
        return paths;
    }

    private static String sample(String path) {
        return PARAMETER.matcher(path).replaceAll(SAMPLE_TOKEN);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
