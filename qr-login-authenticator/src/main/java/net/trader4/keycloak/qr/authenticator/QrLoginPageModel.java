package net.trader4.keycloak.qr.authenticator;

/**
 * What the QR login page template shows and its script needs. A class with getters, not a record:
 * FreeMarker would resolve {@code qr.image} to the accessor method instead of its value.
 */
public final class QrLoginPageModel {

    private final String image;
    private final String statusUrl;
    private final long secondsLeft;
    private final int pollSeconds;

    /**
     * @param image     the QR code as a {@code data:} URI, so the token never travels in an image URL
     * @param statusUrl the status endpoint, naming only client and tab: the session comes from the cookie
     */
    public QrLoginPageModel(String image, String statusUrl, long secondsLeft, int pollSeconds) {
        this.image = image;
        this.statusUrl = statusUrl;
        this.secondsLeft = secondsLeft;
        this.pollSeconds = pollSeconds;
    }

    public String getImage() {
        return image;
    }

    public String getStatusUrl() {
        return statusUrl;
    }

    public long getSecondsLeft() {
        return secondsLeft;
    }

    public int getPollSeconds() {
        return pollSeconds;
    }
}
