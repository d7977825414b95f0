package net.trader4.keycloak.qr.request;

/** A new QR login and the secret only its requester receives ({@code null} for browser logins). */
public record QrCreated(QrLoginRequest request, String secret) {
}
