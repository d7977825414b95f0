package net.trader4.keycloak.otp.authenticator;

import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.otp.config.OtpConfig;
import net.trader4.keycloak.otp.identifier.IdentifierType;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.AuthenticatorConfigModel;

/**
 * The pages of the authenticator: the identifier, then the code or, for a wallet, the message to sign. Their templates ship in {@code theme-resources}, so they
 * render under any login theme; a theme may override them by the same names.
 */
final class OtpFormPages {

    static final String IDENTIFIER_TEMPLATE = "trader4-otp-identifier.ftl";
    static final String CODE_TEMPLATE = "trader4-otp-code.ftl";
    static final String WALLET_TEMPLATE = "trader4-otp-wallet.ftl";

    /** Attribute holding what the user typed on the identifier page, to show it again. */
    static final String TYPED_IDENTIFIER = "trader4OtpIdentifier";
    /** Attribute telling the identifier page whether phone numbers are offered, so it never asks for one that fails. */
    static final String PHONES_OFFERED = "trader4OtpPhones";
    /** Attribute holding the {@link CodePageModel}. */
    static final String CODE_PAGE = "trader4Otp";
    /** Attribute holding the {@link WalletPageModel}. */
    static final String WALLET_PAGE = "trader4Wallet";

    private OtpFormPages() {
    }

    static Response identifierPage(AuthenticationFlowContext context, String typed, PageMessage message) {
        LoginFormsProvider form = withMessage(context.form(), message, false);
        form.setAttribute(TYPED_IDENTIFIER, typed == null ? "" : typed);
        form.setAttribute(PHONES_OFFERED, phonesOffered(context));
        return form.createForm(IDENTIFIER_TEMPLATE);
    }

    static Response codePage(AuthenticationFlowContext context, CodePageModel model, PageMessage message, boolean info) {
        LoginFormsProvider form = withMessage(context.form(), message, info);
        form.setAttribute(CODE_PAGE, model);
        return form.createForm(CODE_TEMPLATE);
    }

    static Response walletPage(AuthenticationFlowContext context, WalletPageModel model, PageMessage message, boolean info) {
        LoginFormsProvider form = withMessage(context.form(), message, info);
        form.setAttribute(WALLET_PAGE, model);
        return form.createForm(WALLET_TEMPLATE);
    }

    private static boolean phonesOffered(AuthenticationFlowContext context) {
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        return OtpConfig.forStep(config == null ? null : config.getConfig(), context.getRealm())
                .allowedIdentifierTypes().stream().anyMatch(IdentifierType::isPhone);
    }

    private static LoginFormsProvider withMessage(LoginFormsProvider form, PageMessage message, boolean info) {
        return message == null ? form : message.applyTo(form, info);
    }
}
