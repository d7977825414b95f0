package net.trader4.keycloak.qr.request;

/** Where a QR login stands, as its requester sees it. */
public enum QrState {
    PENDING,
    APPROVED,
    DENIED,
    EXPIRED,
    CLAIMED,
    UNKNOWN;

    public String lowerCase() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
