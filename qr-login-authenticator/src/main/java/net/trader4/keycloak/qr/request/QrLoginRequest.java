package net.trader4.keycloak.qr.request;

import java.util.HashMap;
import java.util.Map;

/**
 * A pending QR login as stored: the public handle, a hash of the requester's secret, and what the
 * phone is shown about the requester. Its own expiry is checked on every read, because entries of
 * the single-use object store may outlive it.
 *
 * @param secretHash    SHA-256 of the requester's secret; empty when nobody holds a secret
 * @param authSessionId for {@link QrOrigin#BROWSER}: the root authentication session that may collect it
 */
public record QrLoginRequest(String token, String secretHash, QrOrigin origin, String clientId,
                             String requesterIp, String requesterAgent, String authSessionId,
                             long createdAtMillis, long expiresAtMillis) {

    static final int MAX_AGENT_LENGTH = 512;

    public QrLoginRequest {
        requesterAgent = requesterAgent == null ? ""
                : requesterAgent.length() > MAX_AGENT_LENGTH ? requesterAgent.substring(0, MAX_AGENT_LENGTH) : requesterAgent;
        requesterIp = requesterIp == null ? "" : requesterIp;
        authSessionId = authSessionId == null ? "" : authSessionId;
        secretHash = secretHash == null ? "" : secretHash;
    }

    public boolean isExpired(long nowMillis) {
        return nowMillis >= expiresAtMillis;
    }

    public Map<String, String> toNotes() {
        Map<String, String> notes = new HashMap<>();
        notes.put("token", token);
        notes.put("secretHash", secretHash);
        notes.put("origin", origin.name());
        notes.put("clientId", clientId);
        notes.put("ip", requesterIp);
        notes.put("agent", requesterAgent);
        notes.put("authSession", authSessionId);
        notes.put("created", Long.toString(createdAtMillis));
        notes.put("expires", Long.toString(expiresAtMillis));
        return notes;
    }

    /** @return the request, or {@code null} for missing or damaged notes */
    public static QrLoginRequest fromNotes(Map<String, String> notes) {
        if (notes == null || notes.get("token") == null || notes.get("clientId") == null) {
            return null;
        }
        try {
            return new QrLoginRequest(notes.get("token"), notes.get("secretHash"), QrOrigin.valueOf(notes.get("origin")),
                    notes.get("clientId"), notes.get("ip"), notes.get("agent"), notes.get("authSession"),
                    Long.parseLong(notes.get("created")), Long.parseLong(notes.get("expires")));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
