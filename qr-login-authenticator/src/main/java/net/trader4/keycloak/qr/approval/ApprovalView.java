package net.trader4.keycloak.qr.approval;

/**
 * What the phone's owner needs to decide: who is asking, from where and when, and which account
 * would be signed in there; and what the form posts back. A class with getters, not a record:
 * FreeMarker would resolve {@code approval.account} to the accessor method instead of its value.
 */
public final class ApprovalView {

    private final String clientName;
    private final DeviceSummary device;
    private final String ipAddress;
    private final String requestedAt;
    private final long secondsAgo;
    private final long secondsLeft;
    private final String account;
    private final String formAction;
    private final String csrf;

    /**
     * @param requestedAt when the other device asked, in UTC, the same in every language
     * @param formAction  the page itself, with the language it was asked in
     */
    public ApprovalView(String clientName, DeviceSummary device, String ipAddress, String requestedAt,
                        long secondsAgo, long secondsLeft, String account, String formAction, String csrf) {
        this.clientName = clientName;
        this.device = device;
        this.ipAddress = ipAddress;
        this.requestedAt = requestedAt;
        this.secondsAgo = secondsAgo;
        this.secondsLeft = secondsLeft;
        this.account = account;
        this.formAction = formAction;
        this.csrf = csrf;
    }

    public String getClientName() {
        return clientName;
    }

    public DeviceSummary getDevice() {
        return device;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public String getRequestedAt() {
        return requestedAt;
    }

    public long getSecondsAgo() {
        return secondsAgo;
    }

    public long getSecondsLeft() {
        return secondsLeft;
    }

    public String getAccount() {
        return account;
    }

    public String getFormAction() {
        return formAction;
    }

    public String getCsrf() {
        return csrf;
    }
}
