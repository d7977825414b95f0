package net.trader4.keycloak.qr.config;

import net.trader4.keycloak.common.settings.IntSetting;

/**
 * Names, defaults and safe bounds of the QR login settings: realm attributes
 * {@link #PREFIX}{@code <name>}; the browser-flow execution may set the life and poll interval.
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

    private QrConfigProperties() {
    }
}
