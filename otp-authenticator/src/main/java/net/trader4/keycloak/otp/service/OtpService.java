package net.trader4.keycloak.otp.service;

import net.trader4.keycloak.otp.challenge.CodeGenerator;
import net.trader4.keycloak.otp.challenge.CodeHasher;
import net.trader4.keycloak.otp.challenge.OtpChallenge;
import net.trader4.keycloak.otp.challenge.OtpChallengeStore;
import net.trader4.keycloak.otp.challenge.StateKeys;
import net.trader4.keycloak.otp.channel.DeliveryChannel;
import net.trader4.keycloak.otp.channel.DeliveryChannelSelector;
import net.trader4.keycloak.otp.channel.DeliveryException;
import net.trader4.keycloak.otp.channel.OtpDelivery;
import net.trader4.keycloak.otp.config.OtpConfig;
import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.identifier.IdentifierClassifier;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import net.trader4.keycloak.otp.identifier.InvalidIdentifierException;
import net.trader4.keycloak.otp.identifier.UnverifiedEmails;
import net.trader4.keycloak.otp.identifier.UserLookup;
import net.trader4.keycloak.otp.limit.FailureCap;
import net.trader4.keycloak.otp.limit.PhoneSendGuard;
import net.trader4.keycloak.otp.limit.RateLimiter;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.light.LightweightUserAdapter;

/**
 * The one OTP engine: classifies the identifier, enforces the limits, sends a code and checks it.
 * The REST API and the browser flow both use it, so they share challenges, limits and channels.
 * All state lives in the cluster-wide single-use object store.
 */
public class OtpService {

    private static final Logger LOG = Logger.getLogger(OtpService.class);
    private static final int HOUR = 3600;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OtpConfig config;
    private final OtpChallengeStore challenges;
    private final RateLimiter limiter;
    private final OtpKeys keys;
    private final WalletChallenges walletChallenges;

    public OtpService(KeycloakSession session, RealmModel realm, OtpConfig config) {
        this.session = session;
        this.realm = realm;
        this.config = config;
        this.challenges = new OtpChallengeStore(session.singleUseObjects());
        this.limiter = new RateLimiter(session.singleUseObjects());
        this.keys = new OtpKeys(session, realm);
        this.walletChallenges = new WalletChallenges(session, realm, config, challenges, limiter);
    }

    public OtpConfig config() {
        return config;
    }

    /** Classifies and normalises what the user typed, refusing kinds this realm does not accept. */
    public Identifier identify(String raw) throws OtpException {
        Identifier identifier;
        try {
            identifier = new IdentifierClassifier(config.defaultRegion()).classify(raw);
        } catch (InvalidIdentifierException e) {
            throw new OtpException(OtpError.INVALID_IDENTIFIER, e.getMessage());
        }
        if (!config.allowedIdentifierTypes().contains(identifier.type())) {
            throw new OtpException(OtpError.UNSUPPORTED_IDENTIFIER,
                    "Sign-in by " + identifier.type().description() + " is not available in this realm.");
        }
        if (!UserLookup.canRoute(session, identifier.type())) {
            // A value users can type into their own profile must never decide whose account a sign-in enters.
            LOG.warnf("Sign-in by %s is off in realm %s: its user profile lets users edit the attribute that holds it",
                    identifier.type().description(), realm.getName());
            throw new OtpException(OtpError.UNSUPPORTED_IDENTIFIER,
                    "Sign-in by " + identifier.type().description() + " is not available in this realm.");
        }
        return identifier;
    }

    /**
     * Sends a fresh code to the identifier. Answers alike whether or not an account exists: for an
     * unknown identifier (and no auto-registration) nothing is sent, but a challenge nobody can
     * answer is stored so that {@link #verify} cannot tell the two apart either.
     */
    public SignResult sign(Identifier identifier, String clientIp) throws OtpException {
        return sign(identifier, null, clientIp);
    }

    /**
     * @param requestedChannel a channel the user asked for (e.g. {@code voice} to have a code to a
     *                         mobile read out), {@code null} for the realm's preference
     */
    public SignResult sign(Identifier identifier, String requestedChannel, String clientIp) throws OtpException {
        if (identifier.type() == IdentifierType.WALLET) {
            return walletChallenges.issue(identifier, clientIp);
        }
        long started = System.nanoTime();
        if (identifier.type().isPhone()) {
            PhoneSendGuard.refuseRiskyNumberType(identifier, config);
        }
        DeliveryChannelSelector.Choice channel = DeliveryChannelSelector.select(session, realm, config, identifier.type(),
                requestedChannel);

        long ipWait = limiter.acquire(StateKeys.ipBucket(realm.getId(), "send", clientIp), config.sendsPerIpPerHour(), HOUR);
        if (ipWait > 0) {
            throw new OtpException(OtpError.RATE_LIMITED, "Too many codes requested from your network. Try again later.", ipWait);
        }
        String challengeKey = StateKeys.challenge(realm.getId(), identifier.value());
        String cooldownKey = StateKeys.cooldown(realm.getId(), identifier.value());
        int cooldown = config.resendCooldownSeconds();
        if (!limiter.startCooldown(cooldownKey, cooldown)) {
            throw new OtpException(OtpError.RATE_LIMITED, "A code was sent moments ago. Wait before asking for another.",
                    cooldownLeft(challengeKey, cooldown));
        }
        long idWait = limiter.acquire(StateKeys.identifierBucket(realm.getId(), "send", identifier.value()),
                config.sendsPerIdentifierPerHour(), HOUR);
        if (idWait > 0) {
            throw new OtpException(OtpError.RATE_LIMITED, "Too many codes were sent to this identifier. Try again later.", idWait);
        }
        if (identifier.type().isPhone()) {
            new PhoneSendGuard(limiter, config, realm.getId()).admit(identifier);
        }

        UserModel user = UserLookup.find(session, realm, identifier);
        String code = CodeGenerator.digits(config.codeLength());
        String challengeId = CodeGenerator.hex(16);
        OtpKeys.Key key = keys.active();
        long now = Time.currentTime();
        int ttl = config.codeTtlSeconds();
        boolean reachable = user != null || config.autoRegister();
        if (reachable) {
            UserModel recipient = user != null ? user : newcomer(identifier);
            if (channel.channel().checksCodesItself(realm)) {
                code = null;
            }
            try {
                channel.channel().deliver(new OtpDelivery(realm, recipient, identifier, code, ttl,
                        session.getContext().resolveLocale(recipient)));
            } catch (DeliveryException e) {
                limiter.endCooldown(cooldownKey);
                throw new OtpException(e.reason() == DeliveryException.Reason.DESTINATION_REJECTED
                        ? OtpError.UNDELIVERABLE : OtpError.DELIVERY_UNAVAILABLE, e.getMessage());
            }
            SignPacing.recordSend(realm.getId(), channel.id(), System.nanoTime() - started);
        } else {
            // Nobody receives this one: the hash is of a code that is thrown away.
            code = CodeGenerator.digits(config.codeLength());
        }
        SignPacing.holdUntil(started, SignPacing.typicalSend(realm.getId(), channel.id()));
        String codeHash = code == null ? OtpChallenge.CHECKED_BY_CHANNEL : CodeHasher.hash(key.secret(), challengeId, code);
        challenges.save(challengeKey, new OtpChallenge(challengeId, codeHash,
                key.kid(), user == null ? "" : user.getId(), now, now + ttl, reachable ? channel.id() : ""));
        LOG.debugf("Sign-in code issued for %s in realm %s", identifier.masked(), realm.getName());
        return new SignResult(identifier, channel.id(), ttl, cooldown, null, now + ttl);
    }

    /**
     * Checks a code. Every call takes one of the code's attempts before comparing, so concurrent
     * guesses can never exceed the limit; the code is consumed atomically on success.
     */
    public VerifiedSignIn verify(Identifier identifier, String code, String clientIp) throws OtpException {
        return verify(identifier, code, clientIp, AccountChecks.PendingActions.REFUSE);
    }

    /**
     * As {@link #verify(Identifier, String, String)}; a browser login flow passes
     * {@link AccountChecks.PendingActions#LEAVE_TO_FLOW} because Keycloak runs required actions after it.
     */
    public VerifiedSignIn verify(Identifier identifier, String code, String clientIp, AccountChecks.PendingActions pendingActions)
            throws OtpException {
        String normalisedCode = code == null ? "" : code.strip();
        boolean wallet = identifier.type() == IdentifierType.WALLET;
        if (wallet && (normalisedCode.isEmpty() || normalisedCode.length() > WalletChallenges.MAX_SIGNATURE_LENGTH)) {
            throw new OtpException(OtpError.INVALID_REQUEST, "The code must be the wallet's signature of the message.");
        }
        if (!wallet && !normalisedCode.matches("[0-9]{" + config.codeLength() + "}")) {
            throw new OtpException(OtpError.INVALID_REQUEST, "The code must be " + config.codeLength() + " digits.");
        }
        FailureCap failures = new FailureCap(limiter, realm.getId(), clientIp, config);
        failures.requireOpen();
        String challengeKey = StateKeys.challenge(realm.getId(), identifier.value());
        OtpChallenge challenge = challenges.find(challengeKey);
        if (challenge == null) {
            throw new OtpException(OtpError.EXPIRED_CODE, "No code is pending for this identifier, or it has expired. Request a new code.");
        }
        int maxAttempts = config.maxAttempts();
        int attempt = limiter.takeSlot(StateKeys.attempts(challenge.id()), maxAttempts,
                challenge.expiresAt() - Time.currentTime());
        if (attempt < 0) {
            throw new OtpException(OtpError.TOO_MANY_ATTEMPTS, "Too many wrong codes. Request a new code.");
        }
        boolean proven = wallet
                ? walletChallenges.proves(identifier, challenge, normalisedCode)
                : challenge.isCheckedByChannel() ? channelAccepts(challenge, identifier, normalisedCode)
                : codeMatches(challenge, normalisedCode);
        if (!proven) {
            failures.recordFailure();
            int left = maxAttempts - attempt - 1;
            if (left <= 0) {
                throw new OtpException(OtpError.TOO_MANY_ATTEMPTS, "Too many wrong codes. Request a new code.");
            }
            throw OtpException.wrongCode((wallet ? "The signature does not match the message and address. "
                    : "The code is not correct. ") + left + (left == 1 ? " try" : " tries") + " left.", left);
        }
        if (!challenges.consume(challengeKey, challenge)) {
            throw new OtpException(OtpError.EXPIRED_CODE, "This code has already been used. Request a new code.");
        }
        return signedIn(identifier, challenge, pendingActions);
    }

    private boolean channelAccepts(OtpChallenge challenge, Identifier identifier, String code) throws OtpException {
        DeliveryChannel channel = session.getProvider(DeliveryChannel.class, challenge.channel());
        if (channel == null) {
            throw new OtpException(OtpError.EXPIRED_CODE, "This code can no longer be checked. Request a new code.");
        }
        try {
            return channel.checkCode(realm, identifier, code);
        } catch (DeliveryException e) {
            throw new OtpException(OtpError.DELIVERY_UNAVAILABLE, e.getMessage());
        }
    }

    private boolean codeMatches(OtpChallenge challenge, String code) {
        byte[] secret = keys.byKid(challenge.keyId());
        return secret != null && CodeHasher.matches(secret, challenge.id(), code, challenge.codeHash());
    }

    private VerifiedSignIn signedIn(Identifier identifier, OtpChallenge challenge, AccountChecks.PendingActions pendingActions)
            throws OtpException {
        UserModel user = challenge.hasAccount() ? session.users().getUserById(realm, challenge.userId()) : null;
        boolean registered = false;
        if (user == null) {
            UserModel existing = UserLookup.find(session, realm, identifier);
            if (existing != null) {
                user = existing;
            } else if (config.autoRegister() && !challenge.channel().isEmpty()) {
                user = register(identifier);
                registered = true;
            } else if (challenge.isWallet()) {
                // Only the key's holder can get here, so saying so reveals nothing to anyone else.
                throw new OtpException(OtpError.INVALID_CODE, "No account is linked to this wallet address.");
            } else {
                throw new OtpException(OtpError.INVALID_CODE, "The code is not correct.");
            }
        }
        AccountChecks.requireUsable(session, realm, user, pendingActions);
        return new VerifiedSignIn(user, identifier, registered);
    }

    private UserModel register(Identifier identifier) {
        if (identifier.type() == IdentifierType.EMAIL && !realm.isDuplicateEmailsAllowed()) {
            UnverifiedEmails.release(session, realm, identifier.value(), "sign-in code");
        }
        String username = session.users().getUserByUsername(realm, identifier.value()) == null
                ? identifier.value() : "otp-" + CodeGenerator.hex(8);
        UserModel user = session.users().addUser(realm, username);
        user.setEnabled(true);
        if (identifier.type() == IdentifierType.EMAIL) {
            user.setEmail(identifier.value());
            user.setEmailVerified(true);
        } else {
            user.setSingleAttribute(UserLookup.attributeFor(identifier), identifier.value());
        }
        LOG.infof("Registered a new account for %s in realm %s on first sign-in", identifier.masked(), realm.getName());
        return user;
    }

    private UserModel newcomer(Identifier identifier) {
        UserModel user = new LightweightUserAdapter(session, realm, CodeGenerator.hex(8));
        if (identifier.type() == IdentifierType.EMAIL) {
            user.setEmail(identifier.value());
        }
        return user;
    }

    private long cooldownLeft(String challengeKey, int cooldown) {
        OtpChallenge last = challenges.find(challengeKey);
        long left = last == null ? cooldown : last.issuedAt() + cooldown - Time.currentTime();
        return Math.max(1, Math.min(cooldown, left));
    }
}
