package net.trader4.keycloak.cluster.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A reproducible stream of malformed requests against every endpoint of the API. Request
 * {@code i} of seed {@code s} is always the same, whichever thread asks for it, so a failure is
 * replayed with the seed and index the report names.
 */
public final class HostileRequests {

    public static final List<String> ENDPOINTS = List.of("sign", "verify");

    private static final String[] KINDS = {
        "broken-json", "oversized-body", "wrong-types", "odd-encoding", "control-chars", "injection",
        "huge-headers", "wrong-method", "wrong-content-type", "bad-form", "odd-path"
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
        String endpoint = ENDPOINTS.get(random.nextInt(ENDPOINTS.size()));
        String kind = KINDS[(int) (index % KINDS.length)];
        String path = realmPath + "/trader4/v1/oauth/" + endpoint;
        return switch (kind) {
            case "broken-json" -> post(kind, path, "application/json", brokenJson(random));
            case "oversized-body" -> oversized(kind, path, random);
            case "wrong-types" -> post(kind, path, "application/json", wrongTypes(random));
            case "odd-encoding" -> oddEncoding(kind, path, random);
            case "control-chars" -> controlChars(kind, path, random);
            case "injection" -> injection(kind, path, random);
            case "huge-headers" -> hugeHeaders(kind, path, random);
            case "wrong-method" -> wrongMethod(kind, path, random);
            case "wrong-content-type" -> wrongContentType(kind, path, random);
            case "bad-form" -> badForm(kind, path, random);
            default -> oddPath(kind, endpoint, random);
        };
    }

    private static HostileRequest post(String kind, String path, String contentType, byte[] body) {
        List<String[]> headers = new ArrayList<>();
        if (contentType != null) {
            headers.add(new String[] {"Content-Type", contentType});
        }
        return new HostileRequest(kind, "POST", path, headers, body);
    }

    private static byte[] brokenJson(Random random) {
        String value = pick(random, INJECTIONS);
        String json = switch (random.nextInt(12)) {
            case 0 -> "{\"id\":";
            case 1 -> "{\"id\":\"" + value;
            case 2 -> "{id:'a@b.c'}";
            case 3 -> "[".repeat(1 + random.nextInt(5000));
            case 4 -> "{\"a\":".repeat(1 + random.nextInt(3000));
            case 5 -> "{\"id\":\"a@b.c\"}garbage";
            case 6 -> "{\"id\":\"a@b.c\",\"id\":\"c@d.e\",\"code\":1e999999}";
            case 7 -> "{\"id\": NaN, \"code\": Infinity}";
            case 8 -> "/* comment */ {\"id\":\"a@b.c\"}";
            case 9 -> "\"just a string\"";
            case 10 -> "{\"id\":\"\\ud800\",\"code\":\"\\u0000\"}";
            default -> randomBytesAsLatin1(random, 1 + random.nextInt(512));
        };
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static HostileRequest oversized(String kind, String path, Random random) {
        int size = switch (random.nextInt(4)) {
            case 0 -> 16 * 1024 + 1;
            case 1 -> 64 * 1024;
            case 2 -> 16 * 1024 + random.nextInt(200_000);
            default -> 1 << 20;
        };
        if (random.nextBoolean()) {
            String json = "{\"id\":\"" + "a".repeat(size) + "@example.com\",\"code\":\"123456\"}";
            return post(kind, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }
        String form = "id=" + "b".repeat(size) + "%40example.com&code=123456";
        return post(kind, path, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] wrongTypes(Random random) {
        String[] values = {"123456", "1.5", "-0", "true", "false", "null", "[]", "[\"a@b.c\"]", "{}", "{\"id\":\"a@b.c\"}",
            "[[[]]]", "12345678901234567890123456789", "\"\"", "0x10", "1e3"};
        StringBuilder json = new StringBuilder("{");
        json.append("\"id\":").append(pick(random, values)).append(",\"code\":").append(pick(random, values));
        if (random.nextInt(4) == 0) {
            json.append(",\"channel\":").append(pick(random, values));
        }
        if (random.nextInt(5) == 0) {
            for (int i = 0; i < 40; i++) {
                json.append(",\"f").append(i).append("\":\"x\"");
            }
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static HostileRequest oddEncoding(String kind, String path, Random random) {
        byte[] body = switch (random.nextInt(6)) {
            case 0 -> concat(new byte[] {(byte) 0xC0, (byte) 0xAF}, "{\"id\":\"a@b.c\"}");
            case 1 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "{\"id\":\"a@b.c\"}");
            case 2 -> "{\"id\":\"h\u00e9@b.c\"}".getBytes(StandardCharsets.UTF_16LE);
            case 3 -> concat("{\"id\":\"".getBytes(StandardCharsets.UTF_8), new String(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0x80},
                    StandardCharsets.ISO_8859_1) + "\"}");
            case 4 -> "{\"id\":\"h\u00e9llo@b\u00fccher.de\"}".getBytes(StandardCharsets.ISO_8859_1);
            default -> ("id=" + URLEncoder.encode("\u00e9\u00e8@b.c", StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.US_ASCII);
        };
        String type = random.nextBoolean() ? "application/json" : "application/json; charset=iso-8859-1";
        if (body[0] == 'i') {
            type = "application/x-www-form-urlencoded";
        }
        return post(kind, path, type, body);
    }

    private static HostileRequest controlChars(String kind, String path, Random random) {
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
        if (random.nextBoolean()) {
            String json = "{\"id\":\"" + jsonEscape(value.toString()) + "\",\"code\":\"" + jsonEscape(value.toString()) + "\"}";
            return post(kind, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }
        String form = "id=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8) + "&code=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
        return post(kind, path, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
    }

    private static HostileRequest injection(String kind, String path, Random random) {
        String id = pick(random, INJECTIONS);
        String code = random.nextBoolean() ? pick(random, INJECTIONS) : String.format("%06d", random.nextInt(1_000_000));
        String channel = random.nextInt(3) == 0 ? pick(random, INJECTIONS) : null;
        if (random.nextBoolean()) {
            String json = "{\"id\":\"" + jsonEscape(id) + "\",\"code\":\"" + jsonEscape(code) + "\""
                    + (channel == null ? "" : ",\"channel\":\"" + jsonEscape(channel) + "\"") + "}";
            return post(kind, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }
        String form = "id=" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                + (channel == null ? "" : "&channel=" + URLEncoder.encode(channel, StandardCharsets.UTF_8));
        return post(kind, path, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
    }

    private static HostileRequest hugeHeaders(String kind, String path, Random random) {
        HostileRequest base = post(kind, path, "application/json", "{\"id\":\"a@b.c\"}".getBytes(StandardCharsets.UTF_8));
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

    private static HostileRequest wrongMethod(String kind, String path, Random random) {
        String method = pick(random, METHODS);
        List<String[]> headers = new ArrayList<>();
        byte[] body = new byte[0];
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("TRACE") && random.nextBoolean()) {
            headers.add(new String[] {"Content-Type", "application/json"});
            body = "{\"id\":\"a@b.c\",\"code\":\"123456\"}".getBytes(StandardCharsets.UTF_8);
        }
        String target = method.equals("GET") && random.nextBoolean() ? path + "?id=a%40b.c&code=123456" : path;
        return new HostileRequest(kind, method, target, headers, body);
    }

    private static HostileRequest wrongContentType(String kind, String path, Random random) {
        String type = random.nextInt(8) == 0 ? null : pick(random, CONTENT_TYPES);
        byte[] body = switch (random.nextInt(4)) {
            case 0 -> "{\"id\":\"a@b.c\",\"code\":\"123456\"}".getBytes(StandardCharsets.UTF_8);
            case 1 -> "id=a%40b.c&code=123456".getBytes(StandardCharsets.UTF_8);
            case 2 -> "--xyz\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\na@b.c\r\n--xyz--\r\n".getBytes(StandardCharsets.UTF_8);
            default -> "<id>a@b.c</id>".getBytes(StandardCharsets.UTF_8);
        };
        if (random.nextInt(3) == 0) {
            String json = "{\"id\":\"a@b.c\"}";
            return post(kind, path, "application/x-www-form-urlencoded", json.getBytes(StandardCharsets.UTF_8));
        }
        return post(kind, path, type, body);
    }

    private static HostileRequest badForm(String kind, String path, Random random) {
        String form = switch (random.nextInt(10)) {
            case 0 -> "id=%zz";
            case 1 -> "id=a%40b.c&code=%";
            case 2 -> "id=%4";
            case 3 -> "id=%u0041%40b.c";
            case 4 -> "&&&&=&==&";
            case 5 -> "id=a%40b.c&id=c%40d.e&code=1&code=2";
            case 6 -> "id";
            case 7 -> "=a%40b.c";
            case 8 -> {
                StringBuilder many = new StringBuilder();
                for (int i = 0; i < 40; i++) {
                    many.append("f").append(i).append("=x&");
                }
                yield many.append("id=a%40b.c").toString();
            }
            default -> "id=a%40b.c%00&code=%C0%AF%C0%AF%C0%AF";
        };
        return post(kind, path, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
    }

    private HostileRequest oddPath(String kind, String endpoint, Random random) {
        String base = realmPath + "/trader4/v1/oauth/";
        String target = switch (random.nextInt(10)) {
            case 0 -> base + endpoint + "/";
            case 1 -> base + endpoint.toUpperCase();
            case 2 -> base + endpoint + ";jsessionid=x";
            case 3 -> base + "..%2f..%2f" + endpoint;
            case 4 -> base + endpoint + "?id=%zz&code=%";
            case 5 -> base + "%00" + endpoint;
            case 6 -> base + endpoint + "/extra/segments";
            case 7 -> realmPath + "/trader4/v1/oauth";
            case 8 -> base + endpoint + "?" + "a=b&".repeat(500);
            default -> base + "unknown-" + random.nextInt(1000);
        };
        return new HostileRequest(kind, "POST", target, List.<String[]>of(new String[] {"Content-Type", "application/json"}),
                "{\"id\":\"a@b.c\"}".getBytes(StandardCharsets.UTF_8));
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
