package net.trader4.keycloak.qr.request;

/**
 * Keys of a QR login's entries in the single-use object store. The token is a random 128-bit
 * handle, not personal data, so it appears as is; the realm id keeps realms apart.
 */
final class QrKeys {

    private final String prefix;

    QrKeys(String realmId, String token) {
        this.prefix = "t4qr:" + realmId + ":" + token;
    }

    String request() {
        return prefix;
    }

    /** Taken with {@code putIfAbsent} by the first decision: later ones are refused. */
    String decided() {
        return prefix + ":decided";
    }

    /** The decision itself; removed (atomically) when an approval is collected. */
    String decision() {
        return prefix + ":decision";
    }

    String claimed() {
        return prefix + ":claimed";
    }
}
