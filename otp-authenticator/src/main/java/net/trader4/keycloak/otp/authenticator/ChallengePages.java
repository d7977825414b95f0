package net.trader4.keycloak.otp.authenticator;

import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.otp.channel.DeliveryChannelSelector;
import net.trader4.keycloak.otp.identifier.Identifier;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import net.trader4.keycloak.otp.identifier.MaskedPhoneNumber;
import net.trader4.keycloak.otp.error.OtpException;
import net.trader4.keycloak.otp.service.OtpService;
import org.keycloak.authentication.AuthenticationFlowContext;

/**
 * Step 2 for a pending identifier: the code page (naming the channel, offering the other one) or,
 * for a wallet, the page with the message to sign.
 */
final class ChallengePages {

    private final AuthenticationFlowContext context;
    private final OtpService engine;
    private final OtpLoginNotes notes;

    ChallengePages(AuthenticationFlowContext context, OtpService engine, OtpLoginNotes notes) {
        this.context = context;
        this.engine = engine;
        this.notes = notes;
    }

    static boolean isWallet(Identifier identifier) {
        return identifier.type() == IdentifierType.WALLET;
    }

    /** The form field the proof is typed into: the code, or the wallet's signature. */
    static String proofField(Identifier identifier) {
        return isWallet(identifier) ? RefusalMessages.SIGNATURE_FIELD : RefusalMessages.CODE_FIELD;
    }

    Response render(Identifier identifier, PageMessage message, boolean info) {
        if (isWallet(identifier)) {
            WalletPageModel model = new WalletPageModel(identifier.value(), identifier.masked(), notes.walletMessage(),
                    identifier.value().startsWith("0x"));
            return OtpFormPages.walletPage(context, model, message, info);
        }
        String channel = notes.channel();
        CodePageModel model = new CodePageModel(MaskedPhoneNumber.of(identifier), engine.config().codeLength(),
                notes.resendWait(), channel,
                AlternativeChannel.offeredFor(identifier, channel, id -> canSend(identifier, id)));
        return OtpFormPages.codePage(context, model, message, info);
    }

    private boolean canSend(Identifier identifier, String channel) {
        try {
            DeliveryChannelSelector.select(context.getSession(), context.getRealm(), engine.config(), identifier.type(), channel);
            return true;
        } catch (OtpException notOffered) {
            return false;
        }
    }
}
