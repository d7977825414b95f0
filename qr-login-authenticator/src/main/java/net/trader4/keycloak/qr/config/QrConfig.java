package net.trader4.keycloak.qr.config;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.trader4.keycloak.common.settings.IntSetting;
import net.trader4.keycloak.common.settings.RealmSettings;
import org.keycloak.models.RealmModel;

/** The QR login settings in force, typed and clamped when read: a value never checked (a realm import) never turns a limit off. */
public final class QrConfig {

    private final Function<String, String> lookup;

    private QrConfig(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    public static QrConfig from(Function<String, String> lookup) {
        return new QrConfig(lookup);
    }

    /** The realm's settings, realm attributes {@code trader4.qr.<name>}: the browser step and the API share them. */
    public static QrConfig forRealm(RealmModel realm) {
        return new QrConfig(RealmSettings.lookup(realm, QrConfigProperties.PREFIX));
    }

    public int get(IntSetting setting) {
        return setting.valueOf(lookup.apply(setting.name()));
    }

    public int ttlSeconds() {
        return get(QrConfigProperties.TTL_SECONDS);
    }

    public int createsPerIpPerHour() {
        return get(QrConfigProperties.CREATES_PER_IP_PER_HOUR);
    }

    public int pollIntervalSeconds() {
        return get(QrConfigProperties.POLL_INTERVAL_SECONDS);
    }

    public int waitingChecksPerAddress() {
        return get(QrConfigProperties.WAITING_CHECKS_PER_ADDRESS);
    }

    public boolean allowTokenOnlyCheck() {
        return Boolean.parseBoolean(trimmed(lookup.apply(QrConfigProperties.ALLOW_TOKEN_ONLY_CHECK)));
    }

    public String approvalClientId() {
        String value = trimmed(lookup.apply(QrConfigProperties.APPROVAL_CLIENT_ID));
        return value == null || value.isEmpty() ? QrConfigProperties.DEFAULT_APPROVAL_CLIENT_ID : value;
    }

    /** Clients the realm names, besides the API and approval clients, whose tokens may approve by API. */
    public Set<String> approvingClientIds() {
        String raw = trimmed(lookup.apply(QrConfigProperties.APPROVING_CLIENT_IDS));
        if (raw == null || raw.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(raw.split("[,\\s]+")).filter(id -> !id.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
