package net.trader4.keycloak.qr.request;

import jakarta.ws.rs.core.HttpHeaders;
import net.trader4.keycloak.common.account.SecondFactor;
import net.trader4.keycloak.common.limit.LimitKeys;
import net.trader4.keycloak.common.limit.RateLimiter;
import net.trader4.keycloak.qr.config.QrConfig;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;

/**
 * The QR login engine: create a request, let a signed-in phone decide it, let its requester
 * collect an approval once. The API, the approval page and the browser-flow authenticator all use
 * it, so they share requests, limits and events.
 */
public class QrLoginService {

    private static final int HOUR = 3600;
    private static final long POLL_MILLIS = 500;
    /** The longest {@code wait} a check may ask for (the published contract). */
    public static final int MAX_WAIT_SECONDS = 25;
    /** The longest a check is held: shorter than it may ask, so that the few seats go round. */
    public static final int MAX_HOLD_SECONDS = 10;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final QrConfig config;
    private final QrLoginStore store;
    private final RateLimiter limiter;
    private final QrEvents events;
    private final QrMetrics metrics;

    public QrLoginService(KeycloakSession session, RealmModel realm, QrConfig config) {
        this(session, realm, config, new QrEvents(session, realm), QrMetrics.global());
    }

    /**
     * @param events  where created and decided logins are recorded (Keycloak's event log, or a test's)
     * @param metrics where each step is counted (the global registry, or a test's)
     */
    QrLoginService(KeycloakSession session, RealmModel realm, QrConfig config, QrEvents events, QrMetrics metrics) {
        this.session = session;
        this.realm = realm;
        this.config = config;
        this.store = new QrLoginStore(session.singleUseObjects(), realm.getId());
        this.limiter = new RateLimiter(session.singleUseObjects());
        this.events = events;
        this.metrics = metrics;
    }

    public QrConfig config() {
        return config;
    }

    /**
     * @param authSessionId for browser logins, the root authentication session allowed to collect it
     */
    public QrCreated create(QrOrigin origin, ClientModel client, String authSessionId) throws QrException {
        String ip = session.getContext().getConnection().getRemoteAddr();
        long wait = limiter.acquire(LimitKeys.ipBucket(realm.getId(), "qr", ip), config.createsPerIpPerHour(), HOUR);
        if (wait > 0) {
            metrics.step(realm.getName(), QrMetrics.CREATE, origin, QrError.RATE_LIMITED.code());
            throw new QrException(QrError.RATE_LIMITED, "Too many QR codes requested from your network. Try again later.", wait);
        }
        String secret = origin == QrOrigin.API ? QrSecrets.newSecret() : null;
        long now = Time.currentTimeMillis();
        QrLoginRequest request = new QrLoginRequest(QrSecrets.newToken(), secret == null ? "" : QrSecrets.hash(secret),
                origin, client.getClientId(), ip, userAgent(), authSessionId, now, now + config.ttlSeconds() * 1000L);
        store.save(request, now);
        events.created(request, client);
        metrics.step(realm.getName(), QrMetrics.CREATE, origin, "created");
        return new QrCreated(request, secret);
    }

    /** The request behind a token, expired or not. */
    public QrLoginRequest find(String token) throws QrException {
        if (!QrSecrets.isWellFormedToken(token)) {
            throw new QrException(QrError.INVALID_REQUEST, "This is not a QR login token.");
        }
        QrLoginRequest request = store.find(token);
        if (request == null) {
            throw new QrException(QrError.UNKNOWN_TOKEN, "This QR code is unknown. Ask for a new one.");
        }
        return request;
    }

    /**
     * The request as its API requester may see it: with the secret it received, or with the token
     * alone where the realm allows the old contract. Browser logins are never collected here.
     */
    public QrLoginRequest forRequester(String token, String secret) throws QrException {
        QrLoginRequest request = find(token);
        if (request.origin() != QrOrigin.API) {
            throw new QrException(QrError.UNKNOWN_TOKEN, "This QR code is unknown. Ask for a new one.");
        }
        if (secret == null || secret.isBlank()) {
            if (!config.allowTokenOnlyCheck()) {
                throw new QrException(QrError.SECRET_REQUIRED, "Send the secret you received with the QR code.");
            }
        } else if (!QrSecrets.matches(secret.trim(), request.secretHash())) {
            throw new QrException(QrError.INVALID_SECRET, "The secret does not belong to this QR code.");
        }
        return request;
    }

    public QrState state(QrLoginRequest request) {
        return store.state(request, Time.currentTimeMillis());
    }

    /**
     * Waits up to {@code waitSeconds} (held at most {@link #MAX_HOLD_SECONDS}) for a pending request
     * to change, on one of this node's {@link LongPollSeats}; when none is free for this token and
     * address, refuses with {@code slow_down} at once.
     */
    public QrState await(QrLoginRequest request, int waitSeconds) throws QrException {
        try {
            QrState state = awaitChange(request, waitSeconds);
            metrics.step(realm.getName(), QrMetrics.CHECK, request.origin(), state.lowerCase());
            return state;
        } catch (QrException refusal) {
            metrics.step(realm.getName(), QrMetrics.CHECK, request.origin(), refusal.error().code());
            throw refusal;
        }
    }

    private QrState awaitChange(QrLoginRequest request, int waitSeconds) throws QrException {
        QrState state = state(request);
        if (state != QrState.PENDING || waitSeconds <= 0) {
            return state;
        }
        LongPollSeats.Seat seat = LongPollSeats.ofThisNode().take(request.token(),
                session.getContext().getConnection().getRemoteAddr(), config.waitingChecksPerAddress());
        if (seat == null) {
            throw new QrException(QrError.SLOW_DOWN, "Too many checks are waiting. Check again in "
                    + config.pollIntervalSeconds() + " seconds.", config.pollIntervalSeconds());
        }
        try (seat) {
            long deadline = System.currentTimeMillis() + Math.min(waitSeconds, MAX_HOLD_SECONDS) * 1000L;
            while (state == QrState.PENDING && System.currentTimeMillis() + POLL_MILLIS <= deadline) {
                Thread.sleep(POLL_MILLIS);
                state = state(request);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return state;
    }

    /** Approves or denies for the signed-in user of the phone. The first decision wins. */
    public void decide(QrLoginRequest request, UserModel user, UserSessionModel phoneSession, boolean approve) throws QrException {
        try {
            decideOnce(request, user, phoneSession, approve);
            metrics.step(realm.getName(), QrMetrics.AUTHORIZE, request.origin(), approve ? "approved" : "denied");
        } catch (QrException refusal) {
            metrics.step(realm.getName(), QrMetrics.AUTHORIZE, request.origin(), refusal.error().code());
            throw refusal;
        }
    }

    private void decideOnce(QrLoginRequest request, UserModel user, UserSessionModel phoneSession, boolean approve) throws QrException {
        QrState state = state(request);
        if (state == QrState.EXPIRED) {
            throw refusal(state);
        }
        if (approve && SecondFactor.needed(SecondFactor.honouredIn(realm), user) != SecondFactor.Needed.NOTHING
                && !SecondFactor.provenIn(realm, phoneSession)) {
            // The screen inherits what the phone proved: a session without the account's second factor cannot lend it one.
            throw new QrException(QrError.SECOND_FACTOR_REQUIRED,
                    "This account has a second factor this phone's sign-in did not use. Sign in on the phone with it, then approve.");
        }
        long now = Time.currentTimeMillis();
        if (state != QrState.PENDING || !store.decide(request, new QrDecision(approve, user.getId(), now), now)) {
            throw new QrException(QrError.ALREADY_DECIDED, "This QR code has already been approved or denied.");
        }
        events.decided(request, user, phoneSession, approve);
    }

    /** Collects an approval, exactly once; every other state is refused with its own reason. */
    public QrDecision claim(QrLoginRequest request) throws QrException {
        QrState state = state(request);
        if (state != QrState.APPROVED) {
            throw refusal(state);
        }
        // Only approvals are collected: every other state was the check's answer, counted there.
        QrDecision decision = store.claim(request, Time.currentTimeMillis());
        if (decision == null) {
            metrics.step(realm.getName(), QrMetrics.COLLECT, request.origin(), QrError.ALREADY_CLAIMED.code());
            throw refusal(QrState.CLAIMED);
        }
        metrics.step(realm.getName(), QrMetrics.COLLECT, request.origin(), "collected");
        return decision;
    }

    /** The refusal that answers a request in a state other than approved. */
    public static QrException refusal(QrState state) {
        return switch (state) {
            case PENDING -> new QrException(QrError.AUTHORIZATION_PENDING, "Waiting for the QR code to be scanned and approved.");
            case DENIED -> new QrException(QrError.ACCESS_DENIED, "The sign-in was denied on the phone.");
            case EXPIRED -> new QrException(QrError.EXPIRED_TOKEN, "This QR code has expired. Ask for a new one.");
            case CLAIMED -> new QrException(QrError.ALREADY_CLAIMED, "This QR code has already been used to sign in.");
            case UNKNOWN -> new QrException(QrError.UNKNOWN_TOKEN, "This QR code is unknown. Ask for a new one.");
            case APPROVED -> throw new IllegalArgumentException("An approval is not a refusal");
        };
    }

    private String userAgent() {
        HttpHeaders headers = session.getContext().getRequestHeaders();
        String agent = headers == null ? null : headers.getHeaderString(HttpHeaders.USER_AGENT);
        return agent == null ? "" : agent;
    }
}
