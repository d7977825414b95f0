package net.trader4.keycloak.qr.config;

import java.util.List;

import net.trader4.keycloak.common.settings.IntSetting;
import net.trader4.keycloak.common.settings.RealmSetting;
import net.trader4.keycloak.common.settings.SettingsGroup;

/**
 * Names, defaults and safe bounds of the QR login settings: realm attributes
 * {@link #PREFIX}{@code <name>}, shared by the browser step and the API.
 */
public final class QrConfigProperties {

    public static final String PREFIX = "trader4.qr.";

    public static final IntSetting TTL_SECONDS = new IntSetting("ttlSeconds", 120, 10, 600,
            "How long a QR code can be approved, in seconds.");
    public static final IntSetting CREATES_PER_IP_PER_HOUR = new IntSetting("createsPerIpPerHour", 120, 1, 10_000,
            "QR login requests one client IP can create per hour.");
    public static final IntSetting POLL_INTERVAL_SECONDS = new IntSetting("pollIntervalSeconds", 2, 1, 30,
            "How often the login page asks whether the QR code was approved, in seconds.");
    public static final IntSetting WAITING_CHECKS_PER_ADDRESS = new IntSetting("waitingChecksPerAddress", 4, 1, 1_000,
            "Checks of one client IP that may wait for a phone at once, per node; more are answered slow_down.");

    /** Compatibility with clients of the old contract, which check with the token alone. */
    public static final String ALLOW_TOKEN_ONLY_CHECK = "allowTokenOnlyCheck";
    /** The client the phone signs in with before it sees the approval page. */
    public static final String APPROVAL_CLIENT_ID = "approvalClientId";
    public static final String DEFAULT_APPROVAL_CLIENT_ID = "trader4-qr";
    /**
     * Clients, besides the API client and the approval client, whose access tokens may approve a QR
     * login through the API: a token issued to any other client is refused.
     */
    public static final String APPROVING_CLIENT_IDS = "approvingClientIds";

    /** The realm settings of QR login as the admin console and the admin REST resource show them. */
    public static final SettingsGroup GROUP = new SettingsGroup("QR login", List.of(
            RealmSetting.integer(PREFIX, TTL_SECONDS, "QR code lifetime (seconds)"),
            RealmSetting.integer(PREFIX, CREATES_PER_IP_PER_HOUR, "QR logins per client IP per hour"),
            RealmSetting.integer(PREFIX, POLL_INTERVAL_SECONDS, "Status poll interval (seconds)"),
            RealmSetting.integer(PREFIX, WAITING_CHECKS_PER_ADDRESS, "Waiting checks per client IP"),
            RealmSetting.text(PREFIX + APPROVAL_CLIENT_ID, "Approval client",
                    "The client the phone signs in with before it sees the approval page.", DEFAULT_APPROVAL_CLIENT_ID,
                    RealmSetting.NAME),
            RealmSetting.list(PREFIX + APPROVING_CLIENT_IDS, "Other approving clients",
                    "Clients, besides the API and approval clients, whose access tokens may approve a QR login by API.",
                    null, RealmSetting.NAME),
            RealmSetting.bool(PREFIX + ALLOW_TOKEN_ONLY_CHECK, "Check with the token alone",
                    "Compatibility with clients of the old contract, which check a QR login without its secret.", false)));

    private QrConfigProperties() {
    }
}
