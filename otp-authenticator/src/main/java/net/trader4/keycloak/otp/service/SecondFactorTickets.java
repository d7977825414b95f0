package net.trader4.keycloak.otp.service;

import java.util.Map;

import net.trader4.keycloak.common.limit.RateLimiter;
import net.trader4.keycloak.otp.challenge.CodeGenerator;
import net.trader4.keycloak.otp.challenge.StateKeys;
import org.keycloak.common.util.Time;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * The step between a proven identifier and tokens for an account with a second factor: a
 * short-lived, single-use ticket (its bearer token is given once and stored only as a digest),
 * with the same attempt limit as codes.
 */
public final class SecondFactorTickets {

    public static final int TTL_SECONDS = 300;

    /** A pending step: whose, for which client, until when. */
    public record Ticket(String id, String userId, String clientId, long expiresAt) {
    }

    private final SingleUseObjectProvider store;
    private final RateLimiter limiter;
    private final String realmId;

    public SecondFactorTickets(SingleUseObjectProvider store, String realmId) {
        this.store = store;
        this.limiter = new RateLimiter(store);
        this.realmId = realmId;
    }

    /** @return the ticket's bearer token, for the client to send back with the second factor */
    public String issue(String userId, String clientId) {
        String token = CodeGenerator.hex(32);
        long expiresAt = Time.currentTime() + TTL_SECONDS;
        store.put(StateKeys.secondFactorTicket(realmId, token), TTL_SECONDS, Map.of(
                "id", CodeGenerator.hex(16), "user", userId, "client", clientId, "exp", Long.toString(expiresAt)));
        return token;
    }

    /** The pending step the token names, or {@code null} (unknown, used or expired). */
    public Ticket find(String token) {
        Map<String, String> notes = token == null || token.isBlank() ? null
                : store.get(StateKeys.secondFactorTicket(realmId, token.trim()));
        if (notes == null) {
            return null;
        }
        Ticket ticket = new Ticket(notes.get("id"), notes.get("user"), notes.get("client"), Long.parseLong(notes.get("exp")));
        return ticket.expiresAt() > Time.currentTime() ? ticket : null;
    }

    /** Takes one of the ticket's attempts before any comparison; negative when none is left. */
    public int takeAttempt(Ticket ticket, int maxAttempts) {
        return limiter.takeSlot(StateKeys.attempts("mfa-" + ticket.id()), maxAttempts,
                Math.max(1, ticket.expiresAt() - Time.currentTime()));
    }

    /** Consumes the ticket; {@code false} when another request already did. */
    public boolean consume(String token) {
        return store.remove(StateKeys.secondFactorTicket(realmId, token.trim())) != null;
    }
}
