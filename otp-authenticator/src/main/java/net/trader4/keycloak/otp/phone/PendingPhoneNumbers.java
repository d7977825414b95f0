package net.trader4.keycloak.otp.phone;

import java.util.Map;

import net.trader4.keycloak.otp.challenge.StateKeys;
import org.keycloak.common.util.Time;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * The one number a user is proving, in the cluster-wide single-use object store; never in the
 * user's attributes, where it would count before it is proven. A newer number replaces it.
 */
public final class PendingPhoneNumbers {

    private final SingleUseObjectProvider store;
    private final String key;

    public PendingPhoneNumbers(SingleUseObjectProvider store, String realmId, String userId) {
        this.store = store;
        this.key = StateKeys.pendingPhoneNumber(realmId, userId);
    }

    public void save(PendingPhoneNumber pending) {
        store.put(key, Math.max(1, pending.challenge().expiresAt() - Time.currentTime()), pending.toNotes());
    }

    /** @return the pending number, or {@code null} when there is none or its code has expired */
    public PendingPhoneNumber find() {
        PendingPhoneNumber pending = PendingPhoneNumber.fromNotes(store.get(key));
        return pending == null || pending.challenge().isExpired(Time.currentTime()) ? null : pending;
    }

    /**
     * Takes the pending number out so its code can never count again. Atomic across the cluster:
     * of concurrent calls for the same code, exactly one returns {@code true}.
     */
    public boolean take(PendingPhoneNumber expected) {
        Map<String, String> removed = store.remove(key);
        PendingPhoneNumber taken = PendingPhoneNumber.fromNotes(removed);
        if (taken == null) {
            return false;
        }
        if (taken.challenge().id().equals(expected.challenge().id())) {
            return !taken.challenge().isExpired(Time.currentTime());
        }
        // A newer code was sent in the meantime: it was not ours to take, so it goes back.
        if (!taken.challenge().isExpired(Time.currentTime())) {
            save(taken);
        }
        return false;
    }

    public void discard() {
        store.remove(key);
    }
}
