package net.trader4.keycloak.otp.config;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.trader4.keycloak.common.account.SecondFactor;
import net.trader4.keycloak.common.settings.IntSetting;
import net.trader4.keycloak.common.settings.RealmSettings;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import org.keycloak.models.RealmModel;

/**
 * The OTP settings in force for one realm (or one flow step), typed and clamped to safe bounds
 * when read: a value imported with the realm that was never checked still never turns a limit off.
 */
public final class OtpConfig {

    private final Function<String, String> lookup;

    private OtpConfig(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /** Settings from a plain lookup of names without prefix; missing names take defaults. */
    public static OtpConfig from(Function<String, String> lookup) {
        return new OtpConfig(lookup);
    }

    /** The realm's settings: realm attributes {@code trader4.otp.<name>}. */
    public static OtpConfig forRealm(RealmModel realm) {
        return new OtpConfig(RealmSettings.lookup(realm, OtpConfigProperties.PREFIX));
    }

    /**
     * The realm's settings as one browser-flow step applies them: the step may choose which
     * identifier kinds its flow offers; everything the API shares (code length, lifetime, tries,
     * limits, channels) stays the realm's, so browser and API never disagree.
     */
    public static OtpConfig forStep(Map<String, String> stepConfig, RealmModel realm) {
        Function<String, String> fromRealm = RealmSettings.lookup(realm, OtpConfigProperties.PREFIX);
        String stepKinds = stepConfig == null ? null : stepConfig.get(OtpConfigProperties.ALLOWED_IDENTIFIER_TYPES);
        if (stepKinds == null || stepKinds.isBlank()) {
            return new OtpConfig(fromRealm);
        }
        return new OtpConfig(name -> OtpConfigProperties.ALLOWED_IDENTIFIER_TYPES.equals(name) ? stepKinds : fromRealm.apply(name));
    }

    public int get(IntSetting setting) {
        return setting.valueOf(lookup.apply(setting.name()));
    }

    public int codeLength() {
        return get(OtpConfigProperties.CODE_LENGTH);
    }

    public int codeTtlSeconds() {
        return get(OtpConfigProperties.CODE_TTL_SECONDS);
    }

    public int maxAttempts() {
        return get(OtpConfigProperties.MAX_ATTEMPTS);
    }

    public int resendCooldownSeconds() {
        return get(OtpConfigProperties.RESEND_COOLDOWN_SECONDS);
    }

    public int sendsPerIdentifierPerHour() {
        return get(OtpConfigProperties.SENDS_PER_IDENTIFIER_PER_HOUR);
    }

    public int sendsPerIpPerHour() {
        return get(OtpConfigProperties.SENDS_PER_IP_PER_HOUR);
    }

    public int failuresPerIpPerHour() {
        return get(OtpConfigProperties.FAILURES_PER_IP_PER_HOUR);
    }

    public int failuresPerRealmPerHour() {
        return get(OtpConfigProperties.FAILURES_PER_REALM_PER_HOUR);
    }

    public int googleStartsPerIpPerHour() {
        return get(OtpConfigProperties.GOOGLE_STARTS_PER_IP_PER_HOUR);
    }

    /** Destination countries phones may be in (ISO 3166 codes); empty means all. */
    public Set<String> allowedCountries() {
        return list(OtpConfigProperties.ALLOWED_COUNTRIES).stream().map(c -> c.toUpperCase(Locale.ROOT))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The risky number types ({@link OtpConfigProperties#RISKY_NUMBER_TYPES}) the realm accepts; empty by default. */
    public Set<String> allowedRiskyNumberTypes() {
        return list(OtpConfigProperties.ALLOWED_RISKY_NUMBER_TYPES).stream().map(t -> t.toUpperCase(Locale.ROOT))
                .filter(OtpConfigProperties.RISKY_NUMBER_TYPES::contains)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** ISO 3166 region for numbers written without {@code +}; {@code null} means E.164 only. */
    public String defaultRegion() {
        String region = lookup.apply(OtpConfigProperties.DEFAULT_REGION);
        return region == null || region.isBlank() ? null : region.trim().toUpperCase(Locale.ROOT);
    }

    public boolean autoRegister() {
        return Boolean.parseBoolean(lookup.apply(OtpConfigProperties.AUTO_REGISTER));
    }

    /** On unless the realm sets it to {@code false}: a typo never turns the second factor off. */
    public boolean honourSecondFactor() {
        return SecondFactor.honoured(lookup.apply(OtpConfigProperties.HONOUR_SECOND_FACTOR));
    }

    /** Development only: print codes to the server log when no real channel can send them. */
    public boolean devLogChannel() {
        return Boolean.parseBoolean(lookup.apply(OtpConfigProperties.DEV_LOG_CHANNEL));
    }

    /** Channel ids in order of preference. */
    public List<String> channels() {
        List<String> channels = list(OtpConfigProperties.CHANNELS);
        return channels.isEmpty() ? OtpConfigProperties.DEFAULT_CHANNELS : channels;
    }

    public Set<IdentifierType> allowedIdentifierTypes() {
        List<String> names = list(OtpConfigProperties.ALLOWED_IDENTIFIER_TYPES);
        if (names.isEmpty()) {
            return EnumSet.allOf(IdentifierType.class);
        }
        Set<IdentifierType> types = EnumSet.noneOf(IdentifierType.class);
        for (String name : names) {
            for (IdentifierType type : IdentifierType.values()) {
                if (type.name().equalsIgnoreCase(name)) {
                    types.add(type);
                }
            }
        }
        return types;
    }

    private List<String> list(String name) {
        String raw = lookup.apply(name);
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return Arrays.stream(raw.split("[,\\s#]+")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }
}
