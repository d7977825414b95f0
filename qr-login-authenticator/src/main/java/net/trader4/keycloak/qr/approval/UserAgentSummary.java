package net.trader4.keycloak.qr.approval;

import java.util.List;
import java.util.Locale;

/**
 * "Chrome on Windows": enough of a User-Agent for a person to recognise their own device, and to
 * notice one that is not theirs. Order matters: Edge and Opera also say Chrome, Chrome also says
 * Safari, Android also says Linux.
 */
public final class UserAgentSummary {

    /** A marker in the User-Agent and the product it names, or the message key of a kind of program. */
    private record Rule(String marker, String name, String kindKey) {

        static Rule product(String marker, String name) {
            return new Rule(marker, name, null);
        }

        static Rule kind(String marker, String kindKey) {
            return new Rule(marker, null, kindKey);
        }
    }

    private static final List<Rule> BROWSERS = List.of(
            Rule.product("edg/", "Edge"), Rule.product("opr/", "Opera"), Rule.product("samsungbrowser/", "Samsung Internet"),
            Rule.product("firefox/", "Firefox"), Rule.product("fxios/", "Firefox"), Rule.product("crios/", "Chrome"),
            Rule.product("chrome/", "Chrome"), Rule.product("chromium/", "Chromium"), Rule.product("safari/", "Safari"),
            Rule.product("curl/", "curl"), Rule.kind("okhttp", DeviceSummary.ANDROID_APP),
            Rule.kind("java-http-client", DeviceSummary.JAVA_PROGRAM), Rule.kind("python", DeviceSummary.PYTHON_PROGRAM));

    private static final List<Rule> SYSTEMS = List.of(
            Rule.product("android", "Android"), Rule.product("iphone", "iOS"), Rule.product("ipad", "iPadOS"),
            Rule.product("cros", "ChromeOS"), Rule.product("windows", "Windows"), Rule.product("mac os x", "macOS"),
            Rule.product("macintosh", "macOS"), Rule.product("linux", "Linux"));

    private UserAgentSummary() {
    }

    public static DeviceSummary describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new DeviceSummary(DeviceSummary.UNKNOWN, null, null);
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        Rule browser = first(BROWSERS, agent);
        if (browser != null && browser.kindKey() != null) {
            // A program's User-Agent names no system worth showing.
            return new DeviceSummary(browser.kindKey(), null, null);
        }
        Rule system = first(SYSTEMS, agent);
        if (browser == null && system == null) {
            return new DeviceSummary(DeviceSummary.UNKNOWN, null, null);
        }
        if (browser == null) {
            return new DeviceSummary(DeviceSummary.SYSTEM, null, system.name());
        }
        return system == null ? new DeviceSummary(DeviceSummary.BROWSER, browser.name(), null)
                : new DeviceSummary(DeviceSummary.BROWSER_ON_SYSTEM, browser.name(), system.name());
    }

    private static Rule first(List<Rule> rules, String agent) {
        for (Rule rule : rules) {
            if (agent.contains(rule.marker())) {
                return rule;
            }
        }
        return null;
    }
}
