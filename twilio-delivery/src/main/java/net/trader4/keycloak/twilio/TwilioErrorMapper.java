package net.trader4.keycloak.twilio;

import static net.trader4.keycloak.otp.channel.DeliveryException.Reason.DESTINATION_REJECTED;
import static net.trader4.keycloak.otp.channel.DeliveryException.Reason.PROVIDER_UNAVAILABLE;

import java.util.Set;

import com.twilio.exception.ApiException;
import net.trader4.keycloak.otp.channel.DeliveryException;

/**
 * Turns a Twilio failure into a {@link DeliveryException} whose message can be shown to the user.
 * Twilio's own messages quote the destination number, so they are never passed on or kept as a
 * cause; the Twilio error code and HTTP status are enough to look the case up.
 */
final class TwilioErrorMapper {

    /** The number itself is malformed or does not exist. */
    private static final Set<Integer> INVALID_NUMBER = Set.of(21211, 21217, 21401, 21265);
    /** The number exists but cannot take this product (a landline asked for an SMS). */
    private static final Set<Integer> CANNOT_RECEIVE = Set.of(21614, 21407, 21612);
    /** The recipient replied STOP to our sender. */
    private static final Set<Integer> OPTED_OUT = Set.of(21610);
    /** The account may not reach that country or that kind of number (geo permissions, blocklists). */
    private static final Set<Integer> NOT_PERMITTED = Set.of(21408, 21215, 21216);
    /**
     * Our own setup is at fault (sender, credentials, trial account): not the user's number, so
     * they get "unavailable" and the operator gets a log line.
     */
    private static final Set<Integer> OPERATOR_SETUP = Set.of(20003, 20404, 21210, 21212, 21219, 21606, 21608,
            21659, 21701, 21703, 21704);

    private TwilioErrorMapper() {
    }

    /** Whether the failure is on our side (configuration, account) rather than the destination's. */
    static boolean isOperatorProblem(ApiException e) {
        int status = httpStatus(e);
        return status == 401 || status == 403 || status == 404 || (e.getCode() != null && OPERATOR_SETUP.contains(e.getCode()));
    }

    static DeliveryException map(ApiException e, TwilioProduct product) {
        int status = httpStatus(e);
        Integer code = e.getCode();
        if (status < 400 || status >= 500 || status == 429 || isOperatorProblem(e)) {
            return unavailable(product);
        }
        if (code != null && INVALID_NUMBER.contains(code)) {
            return rejected("This phone number is not valid. Please check it and try again.");
        }
        if (code != null && CANNOT_RECEIVE.contains(code)) {
            return rejected(product == TwilioProduct.SMS
                    ? "This number cannot receive text messages. Ask for a call instead, or sign in another way."
                    : "This number cannot receive calls. Please sign in another way.");
        }
        if (code != null && OPTED_OUT.contains(code)) {
            return rejected("This number has blocked our text messages (it replied STOP). "
                    + "Send START to our number to allow them again, or sign in another way.");
        }
        if (code != null && NOT_PERMITTED.contains(code)) {
            return rejected("We cannot send sign-in codes to this number's country or network.");
        }
        return rejected("The sign-in code could not be delivered to this number by " + product.words()
                + ". Please check the number or sign in another way.");
    }

    /** Twilio, or the way to it, failed without answering (timeout, no connection). */
    static DeliveryException unavailable(TwilioProduct product) {
        return new DeliveryException(PROVIDER_UNAVAILABLE, "The " + product.words()
                + " with your sign-in code could not be sent right now. Please try again in a moment.");
    }

    /** The realm's Twilio settings are invalid (logged with what is wrong); nothing was sent. */
    static DeliveryException misconfigured(TwilioProduct product) {
        return new DeliveryException(PROVIDER_UNAVAILABLE, "The " + product.words()
                + " with your sign-in code cannot be sent: this site's Twilio settings are invalid."
                + " Please sign in another way or tell the site's administrator.");
    }

    /** The HTTP status, from Twilio's error body or else from the response; 0 when there was none. */
    static int httpStatus(ApiException e) {
        if (e.getStatusCode() != null && e.getStatusCode() > 0) {
            return e.getStatusCode();
        }
        return e.getHttpStatusCode() == null ? 0 : e.getHttpStatusCode();
    }

    private static DeliveryException rejected(String message) {
        return new DeliveryException(DESTINATION_REJECTED, message);
    }
}
