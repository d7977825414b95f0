package net.trader4.keycloak.otp.service;

import java.net.URI;
import java.time.Instant;

import net.trader4.keycloak.common.limit.LimitKeys;
import net.trader4.keycloak.common.limit.RateLimiter;
import net.trader4.keycloak.common.origin.SignInOrigin;
import net.trader4.keycloak.otp.challenge.CodeGenerator;
import net.trader4.keycloak.otp.challenge.OtpChallenge;
import net.trader4.keycloak.otp.challenge.OtpChallengeStore;
import net.trader4.keycloak.otp.challenge.StateKeys;
import net.trader4.keycloak.otp.config.OtpConfig;
import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;
import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.identifier.UserLookup;
import net.trader4.keycloak.otp.error.SendGuard;
import net.trader4.keycloak.wallet.InvalidWalletAddressException;
import net.trader4.keycloak.wallet.WalletAddress;
import net.trader4.keycloak.wallet.WalletAddressParser;
import net.trader4.keycloak.wallet.WalletChain;
import net.trader4.keycloak.wallet.WalletChallengeMessage;
import net.trader4.keycloak.wallet.WalletSignatureResult;
import net.trader4.keycloak.wallet.WalletSignatureVerifier;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Sign-in challenges for wallet addresses: nothing can be sent to a wallet, so the server writes
 * the whole message (domain, nonce, expiry), keeps it, and accepts only a signature of exactly
 * that text. The client never supplies the message.
 */
final class WalletChallenges {

    static final int MAX_SIGNATURE_LENGTH = 8192;
    /** A signed message is a bearer proof for its lifetime; it never lives longer than this. */
    static final int MAX_TTL_SECONDS = 300;
    static final String CHANNEL = "wallet";
    private static final int HOUR = 3600;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OtpConfig config;
    private final OtpChallengeStore challenges;
    private final RateLimiter limiter;

    WalletChallenges(KeycloakSession session, RealmModel realm, OtpConfig config, OtpChallengeStore challenges,
                     RateLimiter limiter) {
        this.session = session;
        this.realm = realm;
        this.config = config;
        this.challenges = challenges;
        this.limiter = limiter;
    }

    /** Writes and stores a fresh message; the same kind of answer whether or not an account uses the address. */
    SignResult issue(Identifier identifier, String clientIp) throws OtpException {
        URI base = SignInOrigin.of(session, realm).orElseThrow(() -> new OtpException(OtpError.HOSTNAME_NOT_CONFIGURED,
                "Wallet sign-in is off: the server has no configured hostname to name in the message."));
        long ipWait = limiter.acquire(LimitKeys.ipBucket(realm.getId(), "send", clientIp), config.sendsPerIpPerHour(), HOUR);
        if (ipWait > 0) {
            throw new OtpException(OtpError.RATE_LIMITED, "Too many sign-in requests from your network. Try again later.", ipWait)
                    .byGuard(SendGuard.IP);
        }
        long idWait = limiter.acquire(LimitKeys.identifierBucket(realm.getId(), "wallet", identifier.value()),
                config.sendsPerIdentifierPerHour() * 4, HOUR);
        if (idWait > 0) {
            throw new OtpException(OtpError.RATE_LIMITED, "Too many sign-in requests for this address. Try again later.", idWait)
                    .byGuard(SendGuard.IDENTIFIER);
        }
        WalletAddress address = parse(identifier);
        long now = Time.currentTime();
        int ttl = Math.min(config.codeTtlSeconds(), MAX_TTL_SECONDS);
        WalletChallengeMessage message = WalletChallengeMessage.builder()
                .domain(base.getAuthority())
                .uri(base.toString().replaceAll("/$", "") + "/realms/" + realm.getName())
                .address(address)
                .nonce(WalletChallengeMessage.newNonce())
                .issuedAt(Instant.ofEpochSecond(now))
                .expiresAt(Instant.ofEpochSecond(now + ttl))
                .chainId(address.chain() == WalletChain.ETHEREUM ? WalletChallengeMessage.ETHEREUM_MAINNET : null)
                .build();
        UserModel user = UserLookup.find(session, realm, identifier);
        challenges.save(StateKeys.challenge(realm.getId(), identifier.value()), new OtpChallenge(CodeGenerator.hex(16), "", "",
                user == null ? "" : user.getId(), now, now + ttl, CHANNEL, message.text()));
        return new SignResult(identifier, CHANNEL, ttl, 0, message.text(), now + ttl);
    }

    /** Whether the signature proves control of the address for exactly the stored message. */
    boolean proves(Identifier identifier, OtpChallenge challenge, String signature) throws OtpException {
        if (!challenge.isWallet()) {
            return false;
        }
        WalletSignatureResult result = WalletSignatureVerifier.verify(parse(identifier), challenge.walletMessage(), signature);
        return switch (result.outcome()) {
            case VALID -> true;
            case INVALID -> false;
            case UNSUPPORTED -> throw new OtpException(OtpError.UNSUPPORTED_SIGNATURE, result.message());
            case MALFORMED -> throw new OtpException(OtpError.INVALID_REQUEST, result.message());
        };
    }

    private static WalletAddress parse(Identifier identifier) throws OtpException {
        try {
            return WalletAddressParser.parse(identifier.value());
        } catch (InvalidWalletAddressException e) {
            throw new OtpException(OtpError.INVALID_IDENTIFIER, e.getMessage());
        }
    }
}
