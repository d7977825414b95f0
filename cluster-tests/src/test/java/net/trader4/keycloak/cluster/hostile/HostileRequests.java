package net.trader4.keycloak.cluster.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * A reproducible stream of malformed requests against every endpoint of the trader4 realm
 * resource: the API, the QR images and approval page, and the QR login page's status poll.
 * Request {@code i} of seed {@code s} is always the same, whichever thread asks for it, so a
 * failure is replayed with the seed and index the report names.
 *
 * <p>Endpoints read by POST get the hostile values in their bodies; endpoints read by GET get
 * them in the query string (and now and then a body, or the wrong method, as well).
 */
public final class HostileRequests {

    /**
     * An endpoint under {@code /realms/{realm}/trader4/}, with the two fields it reads.
     * {@code {token}} in the path stands for a QR token, plausible or not.
     */
    public record Endpoint(String method, String path, String first, String second) {

        boolean readsQuery() {
            return method.equals("GET");
        }

        /** Whether a request line's target (realm path included) is this endpoint's path. */
        public boolean isTargetedBy(String realmPath, String target) {
            String pathOnly = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
            return pathOnly.matches(Pattern.quote(realmPath + "/trader4/" + path).replace("{token}", "\\E[^/]+\\Q"));
        }
    }

    /** The endpoint a request was aimed at, for the report; {@code other} for odd paths. */
    public String endpointOf(HostileRequest request) {
        return ENDPOINTS.stream()
                .filter(endpoint -> endpoint.isTargetedBy(realmPath, request.target()))
                .map(endpoint -> endpoint.method() + " " + endpoint.path())
                .findFirst().orElse("other");
    }

    /**
     * Whether the path a request was aimed at takes its method (HEAD as GET): only then may
     * Keycloak's HTTP layer read its body before our code runs.
     */
    public boolean takesMethod(HostileRequest request) {
        String method = request.method().equals("HEAD") ? "GET" : request.method();
        return ENDPOINTS.stream().anyMatch(endpoint -> endpoint.method().equals(method)
                && endpoint.isTargetedBy(realmPath, request.target()));
    }

    public static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "v1/oauth/sign", "id", "channel"),
            new Endpoint("POST", "v1/oauth/verify", "id", "code"),
            new Endpoint("GET", "v1/oauth/google", "redirect_uri", "state"),
            new Endpoint("GET", "v1/oauth/google/callback", "code", "state"),
            new Endpoint("POST", "v1/oauth/google/token", "code", "redirect_uri"),
            new Endpoint("GET", "v1/oauth/qr", "client_id", "scope"),
            new Endpoint("POST", "v1/oauth/qr", "token", "secret"),
            new Endpoint("POST", "v1/oauth/qr/authorize", "token", "action"),
            new Endpoint("GET", "v1/oauth/qr/{token}.png", "dl", "size"),
            new Endpoint("GET", "v1/oauth/qr/{token}", "kc_locale", "ui_locales"),
            new Endpoint("POST", "v1/oauth/qr/{token}", "csrf", "decision"),
            new Endpoint("GET", "qr-login-status", "client_id", "tab_id"));

    private static final String[] KINDS = {
        "broken-json", "oversized-body", "wrong-types", "odd-encoding", "control-chars", "injection",
        "huge-headers", "wrong-method", "wrong-content-type", "bad-form", "odd-path", "bad-credentials"
    };
    private static final String[] INJECTIONS = {
        "' OR '1'='1' --", "\"; DROP TABLE user_entity; --", "1; SELECT pg_sleep(5)--",
        "${jndi:ldap://127.0.0.1:1/a}", "${7*7}", "#{7*7}", "{{7*7}}", "<%= 7*7 %>",
        "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
        "../../../../etc/passwd", "..\\..\\windows\\win.ini", "*)(uid=*))(|(uid=*", "admin)(&)",
        "%00", "%0d%0aSet-Cookie:%20x=1", "\r\nX-Injected: 1", "$(id)", "`id`", "| id", "; ls -la",
        "{\"$gt\":\"\"}", "a@b.c'--", "\"<script>\"@example.com", "user@[127.0.0.1]", "user@localhost",
        "hi@trader4.net\u0000@evil.test", "HI@TRADER4.NET ", "+44 (0) 7888-872720 ext. 1", "+999999999999999999999",
        "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'", "bc1q" + "q".repeat(120), "0x" + "f".repeat(400),
        "\u202egro.rednuk@ih", "hі@trader4.net", "a".repeat(5000) + "@example.com", "@", "@@", "", " ",
        "null", "undefined", "NaN", "-1", "000000", "9".repeat(64), "true", "[]", "{}",
    };
    private static final String[] CONTENT_TYPES = {
        "text/plain", "application/xml", "text/html", "multipart/form-data", "multipart/form-data; boundary=",
        "multipart/form-data; boundary=xyz", "application/octet-stream", "application/json; charset=ebcdic",
        "application/json; charset=utf-16", "application/x-www-form-urlencoded; charset=utf-32", ";;;",
        "application/", "*/*", "application/json, text/plain", "image/png", "application/jsonp", "\u00ff/\u00ff",
    };
    private static final String[] METHODS = {"GET", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE"};

    private final long seed;
    private final String realmPath;

    /** @param realmPath e.g. {@code /realms/trader4} */
    public HostileRequests(long seed, String realmPath) {
        this.seed = seed;
        this.realmPath = realmPath;
    }

    public HostileRequest request(long index) {
        Random random = new Random(seed * 1_000_003L + index);
        Endpoint endpoint = ENDPOINTS.get(random.nextInt(ENDPOINTS.size()));
        String kind = KINDS[(int) (index % KINDS.length)];
        String path = realmPath + "/trader4/" + endpoint.path().replace("{token}", qrToken(random));
        String a = endpoint.first();
        String b = endpoint.second();
        HostileRequest request = switch (kind) {
            case "broken-json" -> post(kind, path, "application/json", brokenJson(random, a));
            case "oversized-body" -> oversized(kind, path, random, a, b);
            case "wrong-types" -> post(kind, path, "application/json", wrongTypes(random, a, b));
            case "odd-encoding" -> oddEncoding(kind, path, random, a);
            case "control-chars" -> controlChars(kind, path, random, a, b);
            case "injection" -> injection(kind, path, random, a, b);
            case "huge-headers" -> hugeHeaders(kind, path, random, a);
            case "wrong-method" -> wrongMethod(kind, path, random, endpoint);
            case "wrong-content-type" -> wrongContentType(kind, path, random, a, b);
            case "bad-form" -> badForm(kind, path, random, a, b);
            case "bad-credentials" -> badCredentials(kind, path, random, a, b);
            default -> oddPath(kind, endpoint, random);
        };
        boolean methodIsTheTest = kind.equals("wrong-method") || kind.equals("odd-path");
        if (endpoint.readsQuery() && !methodIsTheTest && random.nextInt(5) != 0) {
            return asQuery(request, a, random);
        }
        return request;
    }

    /** A QR token as the API makes them ({@code tr} + 22 base64url characters), or something else. */
    private static String qrToken(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> URLEncoder.encode(pick(random, INJECTIONS), StandardCharsets.UTF_8).replace("+", "%20");
            case 1 -> "tr" + "A".repeat(random.nextInt(300));
            case 2 -> "%2e%2e%2f%2e%2e%2fadmin";
            default -> "tr" + base64url(random, 22);
        };
    }

    /**
     * The same hostile values for an endpoint that reads its query: a form body becomes the query
     * as it is (broken escapes included); any other body becomes the value of the first field.
     * Bytes a request line cannot carry are percent-encoded. Some keep their body besides.
     */
    private static HostileRequest asQuery(HostileRequest request, String first, Random random) {
        String type = request.header("Content-Type");
        String body = new String(request.body(), StandardCharsets.ISO_8859_1);
        String query = type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                ? body : first + "=" + URLEncoder.encode(body, StandardCharsets.ISO_8859_1);
        String target = request.target() + (request.target().contains("?") ? "&" : "?") + escapeForRequestLine(query);
        boolean keepBody = random.nextInt(4) == 0;
        List<String[]> headers = keepBody ? request.headers()
                : request.headers().stream().filter(h -> !h[0].equalsIgnoreCase("Content-Type")).toList();
        return new HostileRequest(request.kind(), "GET", target, headers, keepBody ? request.body() : new byte[0]);
    }

    private static String escapeForRequestLine(String query) {
        StringBuilder out = new StringBuilder();
        for (char c : query.toCharArray()) {
            if (c <= 0x20 || c >= 0x7f || c == '#' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`'
                    || c == '{' || c == '}' || c == '|' || c == '^') {
                out.append(String.format("%%%02X", (int) c & 0xff));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static HostileRequest post(String kind, String path, String contentType, byte[] body) {
        List<String[]> headers = new ArrayList<>();
        if (contentType != null) {
            headers.add(new String[] {"Content-Type", contentType});
        }
        return new HostileRequest(kind, "POST", path, headers, body);
    }

    private static byte[] brokenJson(Random random, String a) {
        String value = pick(random, INJECTIONS);
        String json = switch (random.nextInt(12)) {
            case 0 -> "{\"" + a + "\":";
            case 1 -> "{\"" + a + "\":\"" + value;
            case 2 -> "{" + a + ":'a@b.c'}";
            case 3 -> "[".repeat(1 + random.nextInt(5000));
            case 4 -> "{\"a\":".repeat(1 + random.nextInt(3000));
            case 5 -> "{\"" + a + "\":\"a@b.c\"}garbage";
            case 6 -> "{\"" + a + "\":\"a@b.c\",\"" + a + "\":\"c@d.e\",\"code\":1e999999}";
            case 7 -> "{\"" + a + "\": NaN, \"code\": Infinity}";
            case 8 -> "/* comment */ {\"" + a + "\":\"a@b.c\"}";
            case 9 -> "\"just a string\"";
            case 10 -> "{\"" + a + "\":\"\\ud800\",\"code\":\"\\u0000\"}";
            default -> randomBytesAsLatin1(random, 1 + random.nextInt(512));
        };
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static HostileRequest oversized(String kind, String path, Random random, String a, String b) {
        int size = switch (random.nextInt(4)) {
            case 0 -> 16 * 1024 + 1;
            case 1 -> 64 * 1024;
            case 2 -> 16 * 1024 + random.nextInt(200_000);
            default -> 1 << 20;
        };
        if (random.nextBoolean()) {
            String json = "{\"" + a + "\":\"" + "a".repeat(size) + "@example.com\",\"" + b + "\":\"123456\"}";
            return post(kind, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }
        String form = a + "=" + "b".repeat(size) + "%40example.com&" + b + "=123456";
        return post(kind, path, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] wrongTypes(Random random, String a, String b) {
        String[] values = {"123456", "1.5", "-0", "true", "false", "null", "[]", "[\"a@b.c\"]", "{}", "{\"id\":\"a@b.c\"}",
            "[[[]]]", "12345678901234567890123456789", "\"\"", "0x10", "1e3"};
        StringBuilder json = new StringBuilder("{");
        json.append('"').append(a).append("\":").append(pick(random, values))
                .append(",\"").append(b).append("\":").append(pick(random, values));
        if (random.nextInt(4) == 0) {
            json.append(",\"wait\":").append(pick(random, values));
        }
        if (random.nextInt(5) == 0) {
            for (int i = 0; i < 40; i++) {
                json.append(",\"f").append(i).append("\":\"x\"");
            }
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static HostileRequest oddEncoding(String kind, String path, Random random, String a) {
        String open = "{\"" + a + "\":\"";
        int choice = random.nextInt(6);
        byte[] body = switch (choice) {
            case 0 -> concat(new byte[] {(byte) 0xC0, (byte) 0xAF}, open + "a@b.c\"}");
            case 1 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, open + "a@b.c\"}");
            case 2 -> (open + "h\u00e9@b.c\"}").getBytes(StandardCharsets.UTF_16LE);
            case 3 -> concat(open.getBytes(StandardCharsets.UTF_8), new String(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0x80},
                    StandardCharsets.ISO_8859_1) + "\"}");
            case 4 -> (open + "h\u00e9llo@b\u00fccher.de\"}").getBytes(StandardCharsets.ISO_8859_1);
            default -> (a + "=" + URLEncoder.encode("\u00e9\u00e8@b.c", StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.US_ASCII);
        };
        String type = random.nextBoolean() ? "application/json" : "application/json; charset=iso-8859-1";
        if (choice == 5) {
            type = "application/x-www-form-urlencoded";
        }
        return post(kind, path, type, body);
    }

    private static HostileRequest controlChars(String kind, String path, Random random, String a, String b) {
        StringBuilder value = new StringBuilder("a");
        int count = 1 + random.nextInt(20);
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(5);
            value.append(switch (pick) {
                case 0 -> (char) random.nextInt(0x20);
                case 1 -> '\u007f';
                case 2 -> (char) (0x200B + random.nextInt(5));
                case 3 -> '\u202e';
                default -> (char) (0x0300 + random.nextInt(0x70));
            });
        }
        value.append("@b.c");
        return fields(kind, path, random, a, value.toString(), b, value.toString());
    }

    private static HostileRequest injection(String kind, String path, Random random, String a, String b) {
        String first = pick(random, INJECTIONS);
        String second = random.nextBoolean() ? pick(random, INJECTIONS) : String.format("%06d", random.nextInt(1_000_000));
        return fields(kind, path, random, a, first, b, second);
    }

    /** Two fields with the given values, as JSON or as a form. */
    private static HostileRequest fields(String kind, String path, Random random, String a, String first, String b, String second) {
        if (random.nextBoolean()) {
            String json = "{\"" + a + "\":\"" + jsonEscape(first) + "\",\"" + b + "\":\"" + jsonEscape(second) + "\"}";
            return post(kind, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }
        String form = a + "=" + URLEncoder.encode(first, StandardCharsets.UTF_8) + "&" + b + "=" + URLEncoder.encode(second, StandardCharsets.UTF_8);
        return post(kind, path, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
    }

    private static HostileRequest hugeHeaders(String kind, String path, Random random, String a) {
        HostileRequest base = post(kind, path, "application/json", ("{\"" + a + "\":\"a@b.c\"}").getBytes(StandardCharsets.UTF_8));
        List<String[]> headers = new ArrayList<>(base.headers());
        switch (random.nextInt(4)) {
            case 0 -> headers.add(new String[] {"X-Huge", "h".repeat(4_000 + random.nextInt(80_000))});
            case 1 -> {
                for (int i = 0; i < 150 + random.nextInt(300); i++) {
                    headers.add(new String[] {"X-Many-" + i, "v" + i});
                }
            }
            case 2 -> headers.add(new String[] {"Cookie", "AUTH_SESSION_ID=" + "c".repeat(8_000 + random.nextInt(40_000))});
            default -> headers.add(new String[] {"X-Forwarded-For", "127.0.0.1, " + "1.".repeat(3000)});
        }
        String target = random.nextInt(4) == 0 ? path + "?q=" + "q".repeat(8_000 + random.nextInt(20_000)) : path;
        return new HostileRequest(kind, "POST", target, headers, base.body());
    }

    /** Any method the endpoint does not take (POST for the ones read by GET). */
    private static HostileRequest wrongMethod(String kind, String path, Random random, Endpoint endpoint) {
        String method = endpoint.readsQuery() && random.nextInt(3) == 0 ? "POST" : pick(random, METHODS);
        if (method.equals(endpoint.method())) {
            method = "PUT";
        }
        List<String[]> headers = new ArrayList<>();
        byte[] body = new byte[0];
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("TRACE") && random.nextBoolean()) {
            // The bodies Keycloak's parser fails on: a path that refuses the method must never read them.
            String[] typeAndBody = switch (random.nextInt(6)) {
                case 0 -> new String[] {"application/x-www-form-urlencoded", endpoint.first() + "=%ZZ&" + endpoint.second() + "=%"};
                case 1 -> new String[] {"multipart/form-data; boundary=", "--\r\nx"};
                case 2 -> new String[] {";;;", endpoint.first() + "=a"};
                case 3 -> new String[] {"application/x-www-form-urlencoded", endpoint.first() + "=" + "a".repeat(1 << 20)};
                default -> new String[] {"application/json",
                    "{\"" + endpoint.first() + "\":\"a@b.c\",\"" + endpoint.second() + "\":\"123456\"}"};
            };
            headers.add(new String[] {"Content-Type", typeAndBody[0]});
            body = typeAndBody[1].getBytes(StandardCharsets.UTF_8);
        }
        String target = random.nextBoolean() ? path + "?" + endpoint.first() + "=a%40b.c&" + endpoint.second() + "=123456" : path;
        return new HostileRequest(kind, method, target, headers, body);
    }

    private static HostileRequest wrongContentType(String kind, String path, Random random, String a, String b) {
        String type = random.nextInt(8) == 0 ? null : pick(random, CONTENT_TYPES);
        byte[] body = switch (random.nextInt(4)) {
            case 0 -> ("{\"" + a + "\":\"a@b.c\",\"" + b + "\":\"123456\"}").getBytes(StandardCharsets.UTF_8);
            case 1 -> (a + "=a%40b.c&" + b + "=123456").getBytes(StandardCharsets.UTF_8);
            case 2 -> ("--xyz\r\nContent-Disposition: form-data; name=\"" + a + "\"\r\n\r\na@b.c\r\n--xyz--\r\n").getBytes(StandardCharsets.UTF_8);
            default -> ("<" + a + ">a@b.c</" + a + ">").getBytes(StandardCharsets.UTF_8);
        };
        if (random.nextInt(3) == 0) {
            String json = "{\"" + a + "\":\"a@b.c\"}";
            return post(kind, path, "application/x-www-form-urlencoded", json.getBytes(StandardCharsets.UTF_8));
        }
        return post(kind, path, type, body);
    }

    private static HostileRequest badForm(String kind, String path, Random random, String a, String b) {
        String form = switch (random.nextInt(10)) {
            case 0 -> a + "=%zz";
            case 1 -> a + "=a%40b.c&" + b + "=%";
            case 2 -> a + "=%4";
            case 3 -> a + "=%u0041%40b.c";
            case 4 -> "&&&&=&==&";
            case 5 -> a + "=a%40b.c&" + a + "=c%40d.e&" + b + "=1&" + b + "=2";
            case 6 -> a;
            case 7 -> "=a%40b.c";
            case 8 -> {
                StringBuilder many = new StringBuilder();
                for (int i = 0; i < 40; i++) {
                    many.append("f").append(i).append("=x&");
                }
                yield many.append(a).append("=a%40b.c").toString();
            }
            default -> a + "=a%40b.c%00&" + b + "=%C0%AF%C0%AF%C0%AF";
        };
        return post(kind, path, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
    }

    /** Forged, broken or oversized credentials: bearer tokens, login cookies, CSRF values. */
    private static HostileRequest badCredentials(String kind, String path, Random random, String a, String b) {
        String forged = switch (random.nextInt(8)) {
            case 0 -> "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.";
            case 1 -> "eyJhbGciOiJIUzI1NiJ9." + base64url(random, 40) + "." + base64url(random, 43);
            case 2 -> base64url(random, 1 + random.nextInt(2000));
            case 3 -> "..";
            case 4 -> pick(random, INJECTIONS);
            case 5 -> "a".repeat(20_000);
            case 6 -> "eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLy4uIn0." + base64url(random, 200) + "." + base64url(random, 342);
            default -> "";
        };
        HostileRequest base = fields(kind, path, random, a, "tr" + base64url(random, 22), b, forged);
        List<String[]> headers = new ArrayList<>(base.headers());
        String credential = forged.replaceAll("[\\r\\n]", "");
        switch (random.nextInt(4)) {
            case 0 -> headers.add(new String[] {"Authorization", "Bearer " + credential});
            case 1 -> headers.add(new String[] {"Authorization", pick(random, new String[] {"Basic ", "bearer  ", "Bearer", "Negotiate ", ""}) + credential});
            case 2 -> headers.add(new String[] {"Cookie", "AUTH_SESSION_ID=" + credential + "; KC_RESTART=" + credential
                    + "; KEYCLOAK_IDENTITY=" + credential});
            default -> {
                headers.add(new String[] {"Authorization", "Bearer " + credential});
                headers.add(new String[] {"Authorization", "Bearer " + base64url(random, 30)});
            }
        }
        return new HostileRequest(kind, "POST", base.target(), headers, base.body());
    }

    private HostileRequest oddPath(String kind, Endpoint endpoint, Random random) {
        String base = realmPath + "/trader4/";
        String name = endpoint.path().replace("{token}", "tr" + base64url(random, 22));
        String target = switch (random.nextInt(10)) {
            case 0 -> base + name + "/";
            case 1 -> base + name.toUpperCase(Locale.ROOT);
            case 2 -> base + name + ";jsessionid=x";
            case 3 -> base + "..%2f..%2f" + name;
            case 4 -> base + name + "?" + endpoint.first() + "=%zz&" + endpoint.second() + "=%";
            case 5 -> base + "%00" + name;
            case 6 -> base + name + "/extra/segments";
            case 7 -> base + "v1/oauth";
            case 8 -> base + name + "?" + "a=b&".repeat(500);
            default -> base + "v1/oauth/unknown-" + random.nextInt(1000);
        };
        return new HostileRequest(kind, endpoint.method(), target, List.<String[]>of(new String[] {"Content-Type", "application/json"}),
                ("{\"" + endpoint.first() + "\":\"a@b.c\"}").getBytes(StandardCharsets.UTF_8));
    }
    /** A {@code %} not followed by two hex digits. */
    public static boolean hasMalformedPercent(String form) {
        for (int i = 0; i < form.length(); i++) {
            if (form.charAt(i) == '%') {
                if (i + 2 >= form.length() || Character.digit(form.charAt(i + 1), 16) < 0 || Character.digit(form.charAt(i + 2), 16) < 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String base64url(Random random, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String randomBytesAsLatin1(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] prefix, String rest) {
        byte[] tail = rest.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[prefix.length + tail.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(tail, 0, all, prefix.length, tail.length);
        return all;
    }

    private static String jsonEscape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
