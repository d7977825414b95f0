package net.trader4.keycloak.otp.challenge;

import java.util.HashMap;
import java.util.Map;

/**
 * A pending code as kept in the single-use object store: never the code itself, only its keyed
 * hash. Times are epoch seconds; the store's own lifespan is not trusted (see KEYCLOAK-NOTES:
 * {@code replace} drops it), so every read checks {@link #expiresAt}.
 *
 * @param id        random id; binds the hash and the attempt counters to this code
 * @param codeHash  HMAC of the code
 * @param keyId     kid of the realm key the HMAC was made with
 * @param userId    the account the code signs in to; empty for an identifier with no account
 * @param issuedAt  when the code was sent
 * @param expiresAt when it stops being accepted
 * @param channel   channel id it was sent by; empty when nothing was sent
 * @param walletMessage for a wallet, the exact text it must sign (no code then); empty otherwise
 */
public record OtpChallenge(String id, String codeHash, String keyId, String userId, long issuedAt, long expiresAt,
                           String channel, String walletMessage) {

    /** A code sent to a mailbox or a phone. */
    public OtpChallenge(String id, String codeHash, String keyId, String userId, long issuedAt, long expiresAt,
                        String channel) {
        this(id, codeHash, keyId, userId, issuedAt, expiresAt, channel, "");
    }

    /** A code the channel made and checks itself (Twilio Verify): no hash is kept here. */
    public static final String CHECKED_BY_CHANNEL = "checked-by-channel";

    public boolean isCheckedByChannel() {
        return CHECKED_BY_CHANNEL.equals(codeHash);
    }

    public boolean isWallet() {
        return walletMessage != null && !walletMessage.isEmpty();
    }

    public boolean isExpired(long now) {
        return now >= expiresAt;
    }

    public boolean hasAccount() {
        return userId != null && !userId.isEmpty();
    }

    public Map<String, String> toNotes() {
        Map<String, String> notes = new HashMap<>();
        notes.put("id", id);
        notes.put("hash", codeHash);
        notes.put("kid", keyId);
        notes.put("uid", userId == null ? "" : userId);
        notes.put("iat", Long.toString(issuedAt));
        notes.put("exp", Long.toString(expiresAt));
        notes.put("ch", channel == null ? "" : channel);
        if (isWallet()) {
            notes.put("msg", walletMessage);
        }
        return notes;
    }

    /** @return the challenge, or {@code null} when the notes are absent or not a challenge */
    public static OtpChallenge fromNotes(Map<String, String> notes) {
        if (notes == null || notes.get("id") == null || notes.get("hash") == null) {
            return null;
        }
        try {
            return new OtpChallenge(notes.get("id"), notes.get("hash"), notes.getOrDefault("kid", ""),
                    notes.getOrDefault("uid", ""), Long.parseLong(notes.get("iat")), Long.parseLong(notes.get("exp")),
                    notes.getOrDefault("ch", ""), notes.getOrDefault("msg", ""));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
