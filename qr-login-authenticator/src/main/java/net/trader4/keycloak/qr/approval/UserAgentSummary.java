package net.trader4.keycloak.qr.approval;

import java.util.List;
import java.util.Locale;

/**
 * "Chrome on Windows": enough of a User-Agent for a person to recognise their own device, and to
 * notice one that is not theirs. Order matters: Edge and Opera also say Chrome, Chrome also says
 * Safari, Android also says Linux.
 */
public final class UserAgentSummary {

    private record Rule(String marker, String name) {
    }

    private static final List<Rule> BROWSERS = List.of(
            new Rule("edg/", "Edge"), new Rule("opr/", "Opera"), new Rule("samsungbrowser/", "Samsung Internet"),
            new Rule("firefox/", "Firefox"), new Rule("fxios/", "Firefox"), new Rule("crios/", "Chrome"),
            new Rule("chrome/", "Chrome"), new Rule("chromium/", "Chromium"), new Rule("safari/", "Safari"),
            new Rule("curl/", "curl"), new Rule("okhttp", "an Android app"), new Rule("java-http-client", "a Java program"),
            new Rule("python", "a Python program"));

    private static final List<Rule> SYSTEMS = List.of(
            new Rule("android", "Android"), new Rule("iphone", "iOS"), new Rule("ipad", "iPadOS"),
            new Rule("cros", "ChromeOS"), new Rule("windows", "Windows"), new Rule("mac os x", "macOS"),
            new Rule("macintosh", "macOS"), new Rule("linux", "Linux"));

    private UserAgentSummary() {
    }

    public static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "an unknown device";
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        String browser = first(BROWSERS, agent);
        String system = first(SYSTEMS, agent);
        if (browser == null && system == null) {
            return "an unknown device";
        }
        if (browser == null) {
            return "a browser on " + system;
        }
        return system == null ? browser : browser + " on " + system;
    }

    private static String first(List<Rule> rules, String agent) {
        for (Rule rule : rules) {
            if (agent.contains(rule.marker())) {
                return rule.name();
            }
        }
        return null;
    }
}
