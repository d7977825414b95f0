package net.trader4.keycloak.qr.request;

import java.util.Map;

/** What the phone decided about a QR login, and for which account. */
public record QrDecision(boolean approved, String userId, long decidedAtMillis) {

    public Map<String, String> toNotes() {
        return Map.of("approved", Boolean.toString(approved), "userId", userId, "decided", Long.toString(decidedAtMillis));
    }

    /** @return the decision, or {@code null} for missing or damaged notes */
    public static QrDecision fromNotes(Map<String, String> notes) {
        if (notes == null || notes.get("userId") == null || notes.get("approved") == null) {
            return null;
        }
        try {
            return new QrDecision(Boolean.parseBoolean(notes.get("approved")), notes.get("userId"),
                    Long.parseLong(notes.get("decided")));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
