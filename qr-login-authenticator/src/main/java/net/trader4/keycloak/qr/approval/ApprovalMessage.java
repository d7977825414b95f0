package net.trader4.keycloak.qr.approval;

import java.util.List;
import java.util.Locale;

import net.trader4.keycloak.common.account.AccountError;
import net.trader4.keycloak.common.error.SignInException;
import net.trader4.keycloak.qr.request.QrException;

/**
 * A page of the approval that only says something: the decision that was taken, or why none can
 * be. Title and text are message keys of the theme; the text's one parameter {0} is the account,
 * where it names one. A class with getters, not a record, for FreeMarker.
 */
public final class ApprovalMessage {

    /** What the page reports, as its {@code data-outcome}. */
    public enum Outcome { APPROVED, DENIED, REFUSED }

    static final String APPROVED_TITLE = "trader4QrApprovalApprovedTitle";
    static final String DENIED_TITLE = "trader4QrApprovalDeniedTitle";
    static final String REFUSED_TITLE = "trader4QrApprovalRefusedTitle";
    static final String NOT_SIGNED_IN_TITLE = "trader4QrApprovalNotSignedInTitle";
    static final String NOT_ACCEPTED_TITLE = "trader4QrApprovalNotAcceptedTitle";
    static final String UNAVAILABLE_TITLE = "trader4QrApprovalUnavailableTitle";
    static final String ACCOUNT_UNUSABLE = "trader4QrAccountUnusable";
    static final String ACCOUNT_NOT_READY = "trader4QrApprovalAccountNotReady";
    static final String REFUSED_OTHER = "trader4QrRefusedOther";

    /** Every key a message page can show, for the check that each one is translated. */
    static final List<String> KEYS = List.of(APPROVED_TITLE, DENIED_TITLE, REFUSED_TITLE, NOT_SIGNED_IN_TITLE,
            NOT_ACCEPTED_TITLE, UNAVAILABLE_TITLE, ACCOUNT_UNUSABLE, ACCOUNT_NOT_READY, REFUSED_OTHER,
            "trader4QrApprovalApprovedText", "trader4QrApprovalDeniedText", "trader4QrApprovalSignInIncomplete",
            "trader4QrApprovalSessionEnded", "trader4QrApprovalFormExpired", "trader4QrApprovalChoose",
            "trader4QrApprovalNotConfigured", "trader4QrApprovalClientMissing", "trader4QrRefusedInvalidToken",
            "trader4QrRefusedUnknown", "trader4QrRefusedExpired", "trader4QrRefusedDecided", "trader4QrRefusedClaimed",
            "trader4QrRefusedDenied", "trader4QrRefusedSecondFactor");

    private final int status;
    private final Outcome outcome;
    private final String titleKey;
    private final String textKey;
    private final String argument;

    private ApprovalMessage(int status, Outcome outcome, String titleKey, String textKey, String argument) {
        this.status = status;
        this.outcome = outcome;
        this.titleKey = titleKey;
        this.textKey = textKey;
        this.argument = argument == null ? "" : argument;
    }

    static ApprovalMessage approved(String account) {
        return new ApprovalMessage(200, Outcome.APPROVED, APPROVED_TITLE, "trader4QrApprovalApprovedText", account);
    }

    static ApprovalMessage denied() {
        return new ApprovalMessage(200, Outcome.DENIED, DENIED_TITLE, "trader4QrApprovalDeniedText", null);
    }

    static ApprovalMessage signInIncomplete() {
        return refusal(401, NOT_SIGNED_IN_TITLE, "trader4QrApprovalSignInIncomplete", null);
    }

    static ApprovalMessage sessionEnded() {
        return refusal(401, NOT_SIGNED_IN_TITLE, "trader4QrApprovalSessionEnded", null);
    }

    static ApprovalMessage formExpired() {
        return refusal(403, NOT_ACCEPTED_TITLE, "trader4QrApprovalFormExpired", null);
    }

    static ApprovalMessage noDecision() {
        return refusal(400, NOT_ACCEPTED_TITLE, "trader4QrApprovalChoose", null);
    }

    static ApprovalMessage notConfigured() {
        return refusal(503, UNAVAILABLE_TITLE, "trader4QrApprovalNotConfigured", null);
    }

    static ApprovalMessage approvalClientMissing(String clientId) {
        return refusal(503, UNAVAILABLE_TITLE, "trader4QrApprovalClientMissing", clientId);
    }

    /** A QR code that cannot be approved (any more); a state that is no error still refuses with 409. */
    static ApprovalMessage refused(QrException e) {
        int status = e.error().status() < 400 ? 409 : e.error().status();
        String text = switch (e.error()) {
            case INVALID_REQUEST -> "trader4QrRefusedInvalidToken";
            case UNKNOWN_TOKEN -> "trader4QrRefusedUnknown";
            case EXPIRED_TOKEN -> "trader4QrRefusedExpired";
            case ALREADY_DECIDED -> "trader4QrRefusedDecided";
            case ALREADY_CLAIMED -> "trader4QrRefusedClaimed";
            case ACCESS_DENIED -> "trader4QrRefusedDenied";
            case SECOND_FACTOR_REQUIRED -> "trader4QrRefusedSecondFactor";
            default -> REFUSED_OTHER;
        };
        return refusal(status, REFUSED_TITLE, text, null);
    }

    /** An account that may not sign in, whoever proved it is theirs. */
    static ApprovalMessage refused(SignInException e) {
        String text = AccountError.ACCOUNT_NOT_READY.code().equals(e.error().code()) ? ACCOUNT_NOT_READY : ACCOUNT_UNUSABLE;
        return refusal(e.error().status(), NOT_ACCEPTED_TITLE, text, null);
    }

    private static ApprovalMessage refusal(int status, String titleKey, String textKey, String argument) {
        return new ApprovalMessage(status, Outcome.REFUSED, titleKey, textKey, argument);
    }

    int status() {
        return status;
    }

    public String getOutcome() {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    public String getTitleKey() {
        return titleKey;
    }

    public String getTextKey() {
        return textKey;
    }

    public String getArgument() {
        return argument;
    }
}
