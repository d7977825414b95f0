package net.trader4.keycloak.otp.service;

import net.trader4.keycloak.common.account.AccountChecks;
import net.trader4.keycloak.common.error.SignInException;
import net.trader4.keycloak.common.limit.RateLimiter;
import net.trader4.keycloak.otp.challenge.CodeGenerator;
import net.trader4.keycloak.otp.challenge.CodeHasher;
import net.trader4.keycloak.otp.challenge.OtpChallenge;
import net.trader4.keycloak.otp.challenge.OtpChallengeStore;
import net.trader4.keycloak.otp.challenge.StateKeys;
import net.trader4.keycloak.otp.channel.DeliveryChannelSelector;
import net.trader4.keycloak.otp.channel.DeliveryException;
import net.trader4.keycloak.otp.channel.OtpDelivery;
import net.trader4.keycloak.otp.config.OtpConfig;
import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;
import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.identifier.IdentifierClassifier;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import net.trader4.keycloak.otp.identifier.InvalidIdentifierException;
import net.trader4.keycloak.otp.identifier.UnverifiedEmails;
import net.trader4.keycloak.otp.identifier.UserLookup;
import net.trader4.keycloak.otp.limit.FailureCap;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
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

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OtpConfig config;
    private final OtpChallengeStore challenges;
    private final RateLimiter limiter;
    private final OtpKeys keys;
    private final WalletChallenges walletChallenges;
    private final SendAdmission admission;
    private final SentCodeCheck sentCodes;
    private final OtpEvents events;
    private final OtpMetrics metrics;

    public OtpService(KeycloakSession session, RealmModel realm, OtpConfig config) {
        this(session, realm, config, new OtpEvents(session, realm), OtpMetrics.global());
    }

    /**
     * @param events  where sends and registrations are recorded (Keycloak's event log, or a test's)
     * @param metrics where sends and checks are counted (the global registry, or a test's)
     */
    OtpService(KeycloakSession session, RealmModel realm, OtpConfig config, OtpEvents events, OtpMetrics metrics) {
        this.session = session;
        this.realm = realm;
        this.config = config;
        this.challenges = new OtpChallengeStore(session.singleUseObjects());
        this.limiter = new RateLimiter(session.singleUseObjects());
        this.keys = new OtpKeys(session, realm);
        this.walletChallenges = new WalletChallenges(session, realm, config, challenges, limiter);
        this.admission = new SendAdmission(limiter, config, realm.getId());
        this.sentCodes = new SentCodeCheck(session, realm, keys, config);
        this.events = events;
        this.metrics = metrics;
    }

    /** Names the client in the events of this service's calls, where Keycloak's context names none (the API's). */
    public OtpService onBehalfOf(ClientModel client) {
        events.client(client);
        return this;
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
        try {
            if (identifier.type() == IdentifierType.WALLET) {
                SignResult issued = walletChallenges.issue(identifier, clientIp);
                metrics.codeSent(realm.getName(), WalletChallenges.CHANNEL, identifier, OtpMetrics.SIGN_IN);
                return issued;
            }
            return sendCode(identifier, requestedChannel, clientIp);
        } catch (OtpException refusal) {
            if (refusal.guard() != null) {
                metrics.sendRefused(realm.getName(), refusal.guard(), OtpMetrics.SIGN_IN);
                events.sendRefused(identifier, refusal, OtpMetrics.SIGN_IN);
            }
            throw refusal;
        }
    }

    private SignResult sendCode(Identifier identifier, String requestedChannel, String clientIp) throws OtpException {
        long started = System.nanoTime();
        DeliveryChannelSelector.Choice channel = DeliveryChannelSelector.select(session, realm, config, identifier.type(),
                requestedChannel);

        String challengeKey = StateKeys.challenge(realm.getId(), identifier.value());
        UserModel user = UserLookup.find(session, realm, identifier);
        boolean reachable = user != null || config.autoRegister();
        String cooldownKey = admission.admit(identifier, clientIp, reachable, () -> cooldownLeft(challengeKey));
        int cooldown = config.resendCooldownSeconds();

        String code = CodeGenerator.digits(config.codeLength());
        String challengeId = CodeGenerator.hex(16);
        OtpKeys.Key key = keys.active();
        long now = Time.currentTime();
        int ttl = config.codeTtlSeconds();
        if (reachable) {
            UserModel recipient = user != null ? user : newcomer(identifier);
            if (channel.channel().checksCodesItself(realm)) {
                code = null;
            }
            long handedOver = System.nanoTime();
            try {
                channel.channel().deliver(new OtpDelivery(realm, recipient, identifier, code, ttl,
                        session.getContext().resolveLocale(recipient)));
            } catch (DeliveryException e) {
                metrics.delivered(realm.getName(), channel.id(), System.nanoTime() - handedOver, e);
                events.deliveryFailed(identifier, channel.id(), user, e, OtpMetrics.SIGN_IN);
                admission.sendFailed(cooldownKey);
                throw new OtpException(e.reason() == DeliveryException.Reason.DESTINATION_REJECTED
                        ? OtpError.UNDELIVERABLE : OtpError.DELIVERY_UNAVAILABLE, e.getMessage());
            }
            metrics.delivered(realm.getName(), channel.id(), System.nanoTime() - handedOver, null);
            metrics.codeSent(realm.getName(), channel.id(), identifier, OtpMetrics.SIGN_IN);
            events.codeSent(identifier, channel.id(), user, OtpMetrics.SIGN_IN);
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
        return verify(identifier, code, clientIp, pendingActions, false);
    }

    /**
     * The refusal a code for a locked account gets: exactly a wrong code's (a try of the pending
     * code taken, the same words and count), without comparing it, so that a page never tells a
     * locked account from a wrong guess or an unknown identifier.
     */
    public OtpException refuseWhileLocked(Identifier identifier, String code, String clientIp) {
        try {
            verify(identifier, code, clientIp, AccountChecks.PendingActions.LEAVE_TO_FLOW, true);
            return new OtpException(OtpError.INVALID_CODE, "The code is not correct.");
        } catch (OtpException refusal) {
            return refusal;
        }
    }

    private VerifiedSignIn verify(Identifier identifier, String code, String clientIp, AccountChecks.PendingActions pendingActions,
                                  boolean accountLocked) throws OtpException {
        try {
            VerifiedSignIn signIn = check(identifier, code, clientIp, pendingActions, accountLocked);
            metrics.verified(realm.getName(), identifier.type(), OtpMetrics.SIGN_IN, OtpMetrics.SUCCESS);
            return signIn;
        } catch (OtpException refusal) {
            metrics.verified(realm.getName(), identifier.type(), OtpMetrics.SIGN_IN,
                    accountLocked ? OtpMetrics.ACCOUNT_LOCKED : OtpMetrics.outcome(refusal.error()));
            throw refusal;
        }
    }

    private VerifiedSignIn check(Identifier identifier, String code, String clientIp, AccountChecks.PendingActions pendingActions,
                                 boolean accountLocked) throws OtpException {
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
        boolean proofSkipped = accountLocked;
        new CodeTries(limiter, failures, config.maxAttempts()).attempt(challenge, wallet
                        ? () -> !proofSkipped && walletChallenges.proves(identifier, challenge, normalisedCode)
                        : () -> !proofSkipped && sentCodes.accepts(challenge, identifier, normalisedCode),
                wallet ? "The signature does not match the message and address. " : "The code is not correct. ");
        if (!challenges.consume(challengeKey, challenge)) {
            throw new OtpException(OtpError.EXPIRED_CODE, "This code has already been used. Request a new code.");
        }
        return signedIn(identifier, challenge, pendingActions);
    }

    private VerifiedSignIn signedIn(Identifier identifier, OtpChallenge challenge, AccountChecks.PendingActions pendingActions)
            throws OtpException {
        UserModel user = challenge.hasAccount() ? session.users().getUserById(realm, challenge.userId()) : null;
        boolean registered = false;
        if (user == null) {
            UserModel existing = UserLookup.find(session, realm, identifier);
            if (existing != null) {
                user = existing;
            } else if (config.autoRegister() && !challenge.channel().isEmpty() && !challenge.isWallet()) {
                // Codes prove an identifier someone can be reached at; a keypair costs nothing to make.
                user = register(identifier);
                registered = true;
            } else if (challenge.isWallet()) {
                // Only the key's holder can get here, so saying so reveals nothing to anyone else.
                throw new OtpException(OtpError.INVALID_CODE, "No account is linked to this wallet address.");
            } else {
                throw new OtpException(OtpError.INVALID_CODE, "The code is not correct.");
            }
        }
        try {
            AccountChecks.requireUsable(session, realm, user, pendingActions);
        } catch (SignInException e) {
            throw OtpException.of(e);
        }
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
        events.registered(user, identifier);
        return user;
    }

    private UserModel newcomer(Identifier identifier) {
        UserModel user = new LightweightUserAdapter(session, realm, CodeGenerator.hex(8));
        if (identifier.type() == IdentifierType.EMAIL) {
            user.setEmail(identifier.value());
        }
        return user;
    }

    private long cooldownLeft(String challengeKey) {
        OtpChallenge last = challenges.find(challengeKey);
        return admission.cooldownLeft(last == null ? 0 : last.issuedAt(), Time.currentTime());
    }
}
