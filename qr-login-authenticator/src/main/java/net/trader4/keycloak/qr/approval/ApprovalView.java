package net.trader4.keycloak.qr.approval;

/**
 * What the phone's owner needs to decide: who is asking, from where and when, and which account
 * would be signed in there.
 */
public record ApprovalView(String clientName, String device, String ipAddress, String requestedAt,
                           long secondsAgo, long secondsLeft, String account, String formAction, String csrf) {
}
