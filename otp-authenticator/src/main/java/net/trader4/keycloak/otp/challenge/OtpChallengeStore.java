package net.trader4.keycloak.otp.challenge;

import java.util.Map;

import org.keycloak.common.util.Time;
import org.keycloak.models.SingleUseObjectProvider;

/** Pending codes in the cluster-wide single-use object store, one per identifier. */
public final class OtpChallengeStore {

    private final SingleUseObjectProvider store;

    public OtpChallengeStore(SingleUseObjectProvider store) {
        this.store = store;
    }

    /** Stores the challenge, replacing any earlier one for the same key. */
    public void save(String key, OtpChallenge challenge) {
        long lifespan = Math.max(1, challenge.expiresAt() - Time.currentTime());
        store.put(key, lifespan, challenge.toNotes());
    }

    /** @return the pending challenge, or {@code null} when there is none or it has expired */
    public OtpChallenge find(String key) {
        OtpChallenge challenge = OtpChallenge.fromNotes(store.get(key));
        return challenge == null || challenge.isExpired(Time.currentTime()) ? null : challenge;
    }

    /**
     * Takes the challenge out so it can never be used again. Atomic across the cluster: of many
     * concurrent calls for the same challenge exactly one returns {@code true}.
     */
    public boolean consume(String key, OtpChallenge expected) {
        Map<String, String> removed = store.remove(key);
        if (removed == null) {
            return false;
        }
        OtpChallenge taken = OtpChallenge.fromNotes(removed);
        if (taken != null && taken.id().equals(expected.id())) {
            return true;
        }
        // A newer code was sent in the meantime: it was not ours to take, so it goes back.
        if (taken != null && !taken.isExpired(Time.currentTime())) {
            save(key, taken);
        }
        return false;
    }
}
