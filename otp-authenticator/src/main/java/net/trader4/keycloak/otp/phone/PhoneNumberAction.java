package net.trader4.keycloak.otp.phone;

import jakarta.ws.rs.core.MultivaluedMap;
import net.trader4.keycloak.otp.authenticator.ChannelWording;
import net.trader4.keycloak.otp.authenticator.CodePageModel;
import net.trader4.keycloak.otp.authenticator.PageMessage;
import net.trader4.keycloak.otp.challenge.OtpChallenge;
import net.trader4.keycloak.otp.challenge.StateKeys;
import net.trader4.keycloak.otp.config.OtpConfig;
import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.identifier.MaskedPhoneNumber;
import net.trader4.keycloak.otp.identifier.UserLookup;
import net.trader4.keycloak.otp.error.OtpError;
import net.trader4.keycloak.otp.error.OtpException;
import net.trader4.keycloak.otp.service.OwnershipProofs;
import org.jboss.logging.Logger;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;

/**
 * Adds or changes the user's own phone number, proven by a code sent to it: a mobile goes into
 * {@code mobile_number}, a landline into {@code phone_number}, the attributes sign-in by phone
 * trusts because users cannot type into them. Until the code comes back the number is only a
 * pending entry of the single-use object store; a number another account holds is never written.
 */
public class PhoneNumberAction implements RequiredActionProvider {

    private static final Logger LOG = Logger.getLogger(PhoneNumberAction.class);
    static final String RESEND = "resend";
    static final String ANOTHER_NUMBER = "anotherNumber";
    /** How long a proven number is held for the account writing it. */
    private static final int CLAIM_SECONDS = 15;

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(PhoneNumberPages.numberPage(context, null, null));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        PendingPhoneNumbers pendingNumbers = pendingNumbers(context);
        if (form.containsKey(ANOTHER_NUMBER)) {
            pendingNumbers.discard();
            context.challenge(PhoneNumberPages.numberPage(context, null, null));
            return;
        }
        if (form.containsKey(PhoneRefusals.NUMBER_FIELD)) {
            sendCode(context, pendingNumbers, form.getFirst(PhoneRefusals.NUMBER_FIELD));
            return;
        }
        PendingPhoneNumber pending = pendingNumbers.find();
        Identifier number = pending == null ? null : reread(pending.number());
        if (number == null) {
            context.challenge(PhoneNumberPages.numberPage(context, null, new PageMessage("trader4PhoneExpired", null)));
        } else if (form.containsKey(RESEND)) {
            sendAnotherCode(context, pendingNumbers, pending, number);
        } else {
            checkCode(context, pendingNumbers, pending, number, form.getFirst(PhoneRefusals.CODE_FIELD));
        }
    }

    private void sendCode(RequiredActionContext context, PendingPhoneNumbers pendingNumbers, String typed) {
        OwnershipProofs proofs = proofs(context);
        Identifier number;
        try {
            number = PhoneNumberInput.read(typed, proofs.config().defaultRegion());
        } catch (PhoneNumberInput.Refused refused) {
            context.challenge(PhoneNumberPages.numberPage(context, typed,
                    new PageMessage(refused.getMessage(), PhoneRefusals.NUMBER_FIELD)));
            return;
        }
        PendingPhoneNumber previous = pendingNumbers.find();
        long lastSentAt = previous != null && previous.number().equals(number.value()) ? previous.challenge().issuedAt() : 0;
        try {
            OtpChallenge challenge = proofs.send(number, context.getUser(), null, lastSentAt, clientIp(context));
            pendingNumbers.save(new PendingPhoneNumber(number.value(), challenge));
            context.challenge(PhoneNumberPages.codePage(context, codePage(proofs, number, challenge), null, false));
        } catch (OtpException refusal) {
            context.challenge(PhoneNumberPages.numberPage(context, typed, PhoneRefusals.onNumberPage(refusal)));
        }
    }

    private void sendAnotherCode(RequiredActionContext context, PendingPhoneNumbers pendingNumbers,
                                 PendingPhoneNumber pending, Identifier number) {
        OwnershipProofs proofs = proofs(context);
        try {
            OtpChallenge challenge = proofs.send(number, context.getUser(), null, pending.challenge().issuedAt(),
                    clientIp(context));
            pendingNumbers.save(new PendingPhoneNumber(number.value(), challenge));
            PageMessage sent = new PageMessage(ChannelWording.resent(challenge.channel()), null, MaskedPhoneNumber.of(number));
            context.challenge(PhoneNumberPages.codePage(context, codePage(proofs, number, challenge), sent, true));
        } catch (OtpException refusal) {
            context.challenge(PhoneNumberPages.codePage(context, codePage(proofs, number, pending.challenge()),
                    PhoneRefusals.onResend(refusal, proofs.config().codeLength()), false));
        }
    }

    private void checkCode(RequiredActionContext context, PendingPhoneNumbers pendingNumbers, PendingPhoneNumber pending,
                           Identifier number, String code) {
        OwnershipProofs proofs = proofs(context);
        try {
            proofs.check(number, pending.challenge(), code, clientIp(context));
        } catch (OtpException refusal) {
            if (refusal.error() == OtpError.INVALID_CODE || refusal.error() == OtpError.TOO_MANY_ATTEMPTS) {
                reportError(context, Errors.INVALID_CODE);
            }
            if (PhoneRefusals.endsThePendingNumber(refusal.error())) {
                pendingNumbers.discard();
                context.challenge(PhoneNumberPages.numberPage(context, null, PhoneRefusals.startAgain(refusal.error())));
            } else {
                context.challenge(PhoneNumberPages.codePage(context, codePage(proofs, number, pending.challenge()),
                        PhoneRefusals.onCodePage(refusal, proofs.config().codeLength()), false));
            }
            return;
        }
        if (!pendingNumbers.take(pending)) {
            context.challenge(PhoneNumberPages.numberPage(context, null, new PageMessage("trader4PhoneExpired", null)));
            return;
        }
        write(context, number);
    }

    /**
     * Only the holder of the phone gets here, so telling them the number is taken reveals nothing
     * to anyone else; everyone else saw the same pages up to the code.
     */
    private void write(RequiredActionContext context, Identifier number) {
        UserModel user = context.getUser();
        boolean claimed = context.getSession().singleUseObjects().putIfAbsent(
                StateKeys.phoneNumberClaim(context.getRealm().getId(), number.value()), CLAIM_SECONDS);
        if (!claimed || PhoneNumberHolders.heldByAnother(context.getSession(), context.getRealm(), user, number.value())) {
            reportError(context, "phone_number_in_use");
            context.challenge(PhoneNumberPages.numberPage(context, null,
                    new PageMessage("trader4PhoneInUse", PhoneRefusals.NUMBER_FIELD)));
            return;
        }
        String attribute = UserLookup.attributeFor(number);
        user.setSingleAttribute(attribute, number.value());
        context.getEvent().detail("phone_attribute", attribute);
        LOG.infof("A proven %s was written to an account in realm %s", number.type().description(),
                context.getRealm().getName());
        context.success();
    }

    private static CodePageModel codePage(OwnershipProofs proofs, Identifier number, OtpChallenge challenge) {
        long wait = Math.max(0, challenge.issuedAt() + proofs.config().resendCooldownSeconds() - Time.currentTime());
        return CodePageModel.withoutAlternative(MaskedPhoneNumber.of(number), proofs.config().codeLength(), wait, challenge.channel());
    }

    /** The pending number read again as on entry; {@code null} should that ever fail. */
    private static Identifier reread(String number) {
        try {
            return PhoneNumberInput.read(number, null);
        } catch (PhoneNumberInput.Refused e) {
            return null;
        }
    }

    private static void reportError(RequiredActionContext context, String error) {
        context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION_ERROR)
                .detail(Details.CUSTOM_REQUIRED_ACTION, PhoneNumberActionFactory.PROVIDER_ID).error(error);
    }

    private static PendingPhoneNumbers pendingNumbers(RequiredActionContext context) {
        return new PendingPhoneNumbers(context.getSession().singleUseObjects(), context.getRealm().getId(),
                context.getUser().getId());
    }

    private static OwnershipProofs proofs(RequiredActionContext context) {
        return new OwnershipProofs(context.getSession(), context.getRealm(), OtpConfig.forRealm(context.getRealm()));
    }

    private static String clientIp(RequiredActionContext context) {
        return context.getConnection().getRemoteAddr();
    }

    @Override
    public void close() {
    }
}
