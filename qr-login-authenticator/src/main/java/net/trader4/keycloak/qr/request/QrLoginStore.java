package net.trader4.keycloak.qr.request;

import java.util.Map;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * QR logins in the cluster-wide single-use object store. Every transition that must happen once
 * is one atomic operation: the first decision and the one collection each take a
 * {@code putIfAbsent} marker, and a collected approval is removed. Nothing is ever updated with
 * {@code replace}.
 */
public final class QrLoginStore {

    /** Entries outlive the request so that a late check hears "expired" or "claimed", not "unknown". */
    static final long AFTERLIFE_SECONDS = 600;
    /** An approval given just before expiry can still be collected by a requester that polls slowly. */
    static final long CLAIM_GRACE_MILLIS = 30_000;

    private final SingleUseObjectProvider store;
    private final String realmId;

    public QrLoginStore(SingleUseObjectProvider store, String realmId) {
        this.store = store;
        this.realmId = realmId;
    }

    public void save(QrLoginRequest request, long nowMillis) {
        store.put(keys(request).request(), lifespan(request, nowMillis), request.toNotes());
    }

    /** @return the request, expired or not, or {@code null} when none is known */
    public QrLoginRequest find(String token) {
        return QrLoginRequest.fromNotes(store.get(new QrKeys(realmId, token).request()));
    }

    public QrState state(QrLoginRequest request, long nowMillis) {
        if (request == null) {
            return QrState.UNKNOWN;
        }
        QrKeys keys = keys(request);
        if (store.contains(keys.claimed())) {
            return QrState.CLAIMED;
        }
        QrDecision decision = QrDecision.fromNotes(store.get(keys.decision()));
        if (decision != null && !decision.approved()) {
            return QrState.DENIED;
        }
        if (decision != null) {
            return nowMillis < request.expiresAtMillis() + CLAIM_GRACE_MILLIS ? QrState.APPROVED : QrState.EXPIRED;
        }
        return request.isExpired(nowMillis) ? QrState.EXPIRED : QrState.PENDING;
    }

    /** @return the decision taken, or {@code null} while none is visible */
    public QrDecision decision(QrLoginRequest request) {
        return QrDecision.fromNotes(store.get(keys(request).decision()));
    }

    /**
     * Records a decision unless one was already taken. Atomic across the cluster: of concurrent
     * decisions exactly one returns {@code true}.
     */
    public boolean decide(QrLoginRequest request, QrDecision decision, long nowMillis) {
        QrKeys keys = keys(request);
        long lifespan = lifespan(request, nowMillis);
        if (!store.putIfAbsent(keys.decided(), lifespan)) {
            return false;
        }
        store.put(keys.decision(), lifespan, decision.toNotes());
        return true;
    }

    /**
     * Collects the approval, once. Atomic across the cluster: of concurrent claims exactly one
     * takes the {@code putIfAbsent} "claimed" marker and gets the decision, the others
     * {@code null}. The marker comes first so that no reader ever sees the gap between the
     * approval leaving and the marker arriving as "pending"; the approval is then removed, so it
     * can never be read again.
     */
    public QrDecision claim(QrLoginRequest request, long nowMillis) {
        QrKeys keys = keys(request);
        if (!store.putIfAbsent(keys.claimed(), lifespan(request, nowMillis))) {
            return null;
        }
        QrDecision decision = QrDecision.fromNotes(store.remove(keys.decision()));
        return decision != null && decision.approved() ? decision : null;
    }

    private QrKeys keys(QrLoginRequest request) {
        return new QrKeys(realmId, request.token());
    }

    private static long lifespan(QrLoginRequest request, long nowMillis) {
        long left = Math.max(0, request.expiresAtMillis() - nowMillis) / 1000;
        return left + AFTERLIFE_SECONDS;
    }
}
