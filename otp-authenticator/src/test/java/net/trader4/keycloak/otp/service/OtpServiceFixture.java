package net.trader4.keycloak.otp.service;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import javax.crypto.spec.SecretKeySpec;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import net.trader4.keycloak.common.account.InMemoryUser;
import net.trader4.keycloak.common.limit.InMemorySingleUseObjects;
import net.trader4.keycloak.otp.channel.DeliveryChannel;
import net.trader4.keycloak.otp.config.OtpConfig;
import net.trader4.keycloak.otp.config.OtpConfigProperties;
import net.trader4.keycloak.otp.error.OtpException;
import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import net.trader4.keycloak.otp.identifier.UserLookup;
import org.keycloak.common.util.Time;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeyManager;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakUriInfo;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A realm for {@link OtpService}, without a server: realm attributes in a map, accounts in a list,
 * the realm's HMAC key, Keycloak's single-use object store in memory, and channels that record
 * what they were asked to send ({@link #email} for addresses, {@link #sms} for phones).
 *
 * <p>The clock ({@link Time}) starts each test a few seconds into a fresh hour, so that no hourly
 * window of the limits rolls over while a test runs; {@link #advance} moves it on.
 */
final class OtpServiceFixture {

    static final String CLIENT_IP = "203.0.113.7";
    static final String OTHER_IP = "198.51.100.20";

    final InMemorySingleUseObjects store = new InMemorySingleUseObjects();
    final RecordingChannel email = new RecordingChannel(IdentifierType.EMAIL);
    final RecordingChannel sms = new RecordingChannel(IdentifierType.MOBILE, IdentifierType.LANDLINE);
    /** What the service counted. */
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** What the service recorded in Keycloak's event log. */
    final OtpEvents events = mock(OtpEvents.class);
    /** Every account of the realm, including those a sign-in created. */
    final List<InMemoryUser> accounts = new ArrayList<>();

    private final Map<String, String> realmAttributes = new HashMap<>();
    private final KeycloakSession session = mock(KeycloakSession.class);
    private final RealmModel realm = mock(RealmModel.class);
    private final UserProvider users = mock(UserProvider.class);
    private int created;

    OtpServiceFixture() {
        startInAFreshHour();
        when(realm.getId()).thenReturn("realm-id");
        when(realm.getName()).thenReturn("trader4");
        when(realm.getAttributes()).thenReturn(realmAttributes);
        when(realm.getAttribute(anyString())).thenAnswer(call -> realmAttributes.get(call.<String>getArgument(0)));
        when(session.singleUseObjects()).thenReturn(store);
        when(session.users()).thenReturn(users);
        when(session.getProvider(DeliveryChannel.class, "email")).thenReturn(email);
        when(session.getProvider(DeliveryChannel.class, "sms")).thenReturn(sms);

        KeyWrapper hmac = new KeyWrapper();
        hmac.setKid("hmac-1");
        hmac.setAlgorithm(Algorithm.HS512);
        byte[] secret = new byte[64];
        new SecureRandom().nextBytes(secret);
        hmac.setSecretKey(new SecretKeySpec(secret, "HmacSHA512"));
        KeyManager keys = mock(KeyManager.class);
        when(keys.getActiveKey(realm, KeyUse.SIG, Algorithm.HS512)).thenReturn(hmac);
        when(keys.getKey(realm, "hmac-1", KeyUse.SIG, Algorithm.HS512)).thenReturn(hmac);
        when(session.keys()).thenReturn(keys);

        KeycloakContext context = mock(KeycloakContext.class);
        KeycloakUriInfo uri = mock(KeycloakUriInfo.class);
        when(uri.getBaseUri()).thenReturn(URI.create("https://login.trader4.example/"));
        when(context.getUri()).thenReturn(uri);
        when(context.resolveLocale(any())).thenReturn(Locale.ENGLISH);
        when(session.getContext()).thenReturn(context);

        when(users.getUserById(eq(realm), anyString())).thenAnswer(call -> findAccount(u -> u.getId().equals(call.getArgument(1))));
        when(users.getUserByUsername(eq(realm), anyString()))
                .thenAnswer(call -> findAccount(u -> u.getUsername().equalsIgnoreCase(call.getArgument(1))));
        when(users.getUserByEmail(eq(realm), anyString()))
                .thenAnswer(call -> findAccount(u -> ((String) call.getArgument(1)).equalsIgnoreCase(u.getEmail())));
        when(users.searchForUserByUserAttributeStream(eq(realm), anyString(), anyString()))
                .thenAnswer(call -> accounts.stream().filter(u -> Objects.equals(u.getFirstAttribute(call.getArgument(1)),
                        call.getArgument(2))).map(UserModel.class::cast));
        when(users.addUser(eq(realm), anyString())).thenAnswer(call -> {
            InMemoryUser user = new InMemoryUser(session, realm, "created-" + ++created, call.getArgument(1));
            accounts.add(user);
            return user;
        });
    }

    /** Sets the realm attribute {@code trader4.otp.<name>}. */
    OtpServiceFixture setting(String name, Object value) {
        realmAttributes.put(OtpConfigProperties.PREFIX + name, String.valueOf(value));
        return this;
    }

    /** The service as a request would build it, with the realm's settings as they are now. */
    OtpService service() {
        return new OtpService(session, realm, OtpConfig.forRealm(realm), events, new OtpMetrics(meters));
    }

    /** The count of the counter of that name and tags (the realm's tag added), 0 when it never counted. */
    double counted(String name, String... tags) {
        Counter counter = meters.find(name).tag("realm", "trader4").tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    Identifier identify(String typed) throws OtpException {
        return service().identify(typed);
    }

    InMemoryUser accountWithVerifiedEmail(String address) {
        InMemoryUser user = newAccount(address);
        user.setEmail(address);
        user.setEmailVerified(true);
        return user;
    }

    InMemoryUser accountWithUnverifiedEmail(String address) {
        InMemoryUser user = newAccount(address);
        user.setEmail(address);
        return user;
    }

    /** An account holding a phone number or wallet address in the attribute sign-ins look it up by. */
    InMemoryUser accountHolding(Identifier identifier) {
        InMemoryUser user = newAccount("holder-of-" + identifier.value());
        user.setSingleAttribute(UserLookup.attributeFor(identifier), identifier.value());
        return user;
    }

    /** The realm names its public address, which wallet messages state (Realm settings > Frontend URL). */
    OtpServiceFixture frontendUrl(String url) {
        realmAttributes.put("frontendUrl", url);
        return this;
    }

    /** Moves the clock on. */
    void advance(int seconds) {
        Time.setOffset(Time.getOffset() + seconds);
    }

    private InMemoryUser newAccount(String username) {
        InMemoryUser user = new InMemoryUser(session, realm, "user-" + (accounts.size() + 1), username);
        user.setEnabled(true);
        accounts.add(user);
        return user;
    }

    private UserModel findAccount(Predicate<InMemoryUser> matching) {
        return accounts.stream().filter(matching).findFirst().orElse(null);
    }

    private static void startInAFreshHour() {
        Time.setOffset(0);
        Time.setOffset((int) (3600 - Time.currentTime() % 3600) + 5);
    }
}
