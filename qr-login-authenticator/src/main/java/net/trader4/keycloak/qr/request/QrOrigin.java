package net.trader4.keycloak.qr.request;

/** Who asked for the QR login, and so who may collect it. */
public enum QrOrigin {
    /** {@code GET /v1/oauth/qr}: collected with the requester's secret at {@code POST /v1/oauth/qr}. */
    API,
    /** The browser-flow authenticator: collected only by the authentication session that shows it. */
    BROWSER
}
