package net.trader4.keycloak.twilio;

import java.util.Locale;

import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.verify.v2.service.Verification;
import com.twilio.rest.verify.v2.service.VerificationCheck;
import com.twilio.rest.verify.v2.service.VerificationCreator;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import net.trader4.keycloak.otp.channel.DeliveryException;
import net.trader4.keycloak.otp.identifier.Identifier;
import org.jboss.logging.Logger;

/**
 * Sends one SMS or places one call through Twilio's SDK with a realm's settings. Knows nothing of
 * Keycloak, so it runs as-is against a stand-in of Twilio's API in tests.
 */
public final class TwilioSender {

    private static final Logger LOG = Logger.getLogger(TwilioSender.class);

    private final TwilioConfig config;
    private final HttpClient httpClient;

    /**
     * @param config     settings with secrets already resolved
     * @param httpClient the shared client, normally {@link TwilioHttpClients#forSettings}
     */
    public TwilioSender(TwilioConfig config, HttpClient httpClient) {
        this.config = config;
        this.httpClient = httpClient;
    }

    /**
     * Sends an SMS from the messaging service when one is set, else from the sender number.
     *
     * @return the Twilio SID of the message
     */
    public String sendSms(Identifier to, String body) throws DeliveryException {
        if (!config.canSendSms()) {
            throw notConfigured(TwilioProduct.SMS);
        }
        PhoneNumber destination = new PhoneNumber(to.value());
        MessageCreator creator = config.messagingServiceSid() != null
                ? Message.creator(config.accountSid(), destination, config.messagingServiceSid(), body)
                : Message.creator(config.accountSid(), destination, new PhoneNumber(config.fromNumber()), body);
        try {
            String sid = creator.create(restClient()).getSid();
            LOG.debugf("Sent a sign-in code by SMS to %s (%s)", to.masked(), sid);
            return sid;
        } catch (RuntimeException e) {
            throw failure(e, TwilioProduct.SMS, to);
        }
    }

    /**
     * Places a call that plays the given TwiML.
     *
     * @return the Twilio SID of the call
     */
    public String placeCall(Identifier to, String twiml) throws DeliveryException {
        if (!config.canCall()) {
            throw notConfigured(TwilioProduct.VOICE);
        }
        try {
            String sid = Call.creator(config.accountSid(), new PhoneNumber(to.value()),
                    new PhoneNumber(config.fromNumber()), new Twiml(twiml)).create(restClient()).getSid();
            LOG.debugf("Placed a sign-in code call to %s (%s)", to.masked(), sid);
            return sid;
        } catch (RuntimeException e) {
            throw failure(e, TwilioProduct.VOICE, to);
        }
    }

    /**
     * Verify mode: asks Twilio Verify to make a code and send it by {@code sms} or {@code call}.
     * Twilio keeps the code; {@link #checkVerification} asks it whether a code is right.
     */
    public void startVerification(Identifier to, String channel, Locale locale) throws DeliveryException {
        TwilioProduct product = "call".equals(channel) ? TwilioProduct.VOICE : TwilioProduct.SMS;
        try {
            VerificationCreator creator = Verification.creator(config.verifyServiceSid(), to.value(), channel);
            if (locale != null) {
                creator.setLocale(locale.getLanguage());
            }
            creator.create(restClient());
            LOG.debugf("Twilio Verify sends a sign-in code by %s to %s", channel, to.masked());
        } catch (RuntimeException e) {
            throw failure(e, product, to);
        }
    }

    /** Whether Twilio Verify approves the code for the number; no pending verification means no. */
    public boolean checkVerification(Identifier to, String code) throws DeliveryException {
        try {
            return "approved".equals(VerificationCheck.creator(config.verifyServiceSid()).setTo(to.value()).setCode(code)
                    .create(restClient()).getStatus());
        } catch (ApiException e) {
            if (TwilioErrorMapper.httpStatus(e) == 404) {
                // Twilio forgets a verification once approved, expired or out of attempts.
                return false;
            }
            throw failure(e, TwilioProduct.SMS, to);
        } catch (RuntimeException e) {
            throw failure(e, TwilioProduct.SMS, to);
        }
    }

    private TwilioRestClient restClient() {
        return new TwilioRestClient.Builder(config.username(), config.password())
                .accountSid(config.accountSid())
                .httpClient(httpClient)
                .build();
    }

    /** Logs what an operator needs (never Twilio's message: it quotes the number) and maps it. */
    private static DeliveryException failure(RuntimeException e, TwilioProduct product, Identifier to) {
        if (e instanceof ApiException api && TwilioErrorMapper.httpStatus(api) > 0) {
            int status = TwilioErrorMapper.httpStatus(api);
            DeliveryException mapped = TwilioErrorMapper.map(api, product);
            if (mapped.reason() == DeliveryException.Reason.DESTINATION_REJECTED) {
                LOG.infof("Twilio refused the %s to %s: HTTP %d, Twilio error %s", product.words(), to.masked(),
                        status, api.getCode());
            } else if (TwilioErrorMapper.isOperatorProblem(api)) {
                LOG.warnf("Twilio refused the %s to %s: HTTP %d, Twilio error %s. Check the Twilio settings "
                        + "(credentials, sender number, messaging service, trial account limits).", product.words(),
                        to.masked(), status, api.getCode());
            } else {
                LOG.warnf("Twilio is unavailable for the %s to %s: HTTP %d, Twilio error %s", product.words(),
                        to.masked(), status, api.getCode());
            }
            return mapped;
        }
        LOG.warnf("Twilio is unavailable for the %s to %s: %s", product.words(), to.masked(), rootKind(e));
        return TwilioErrorMapper.unavailable(product);
    }

    /** The root failure's kind without its message, which may quote a number or the answer's body. */
    private static String rootKind(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private static DeliveryException notConfigured(TwilioProduct product) {
        LOG.warnf("The realm's Twilio settings are incomplete for %s; see the trader4.twilio.* settings", product.words());
        return TwilioErrorMapper.unavailable(product);
    }
}
