package net.trader4.keycloak.common.limit;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The network a per-address limit counts: an IPv4 address, or the /64 of an IPv6 address (one
 * subscriber gets a whole /64, so counting single IPv6 addresses would give it endless budgets).
 */
public final class ClientNetwork {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");

    private ClientNetwork() {
    }

    public static String of(String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        // Only literals reach the parser, so it never looks a name up.
        if (!IP_LITERAL.matcher(literal).matches()) {
            return literal;
        }
        try {
            InetAddress parsed = InetAddress.getByName(literal);
            if (parsed instanceof Inet4Address) {
                return parsed.getHostAddress();
            }
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                StringBuilder prefix = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                }
                return prefix.append(":/64").toString();
            }
        } catch (UnknownHostException e) {
            return literal;
        }
        return literal;
    }
}
