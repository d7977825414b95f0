package net.trader4.keycloak.otp.phone;

import jakarta.ws.rs.core.Response;
import net.trader4.keycloak.otp.authenticator.CodePageModel;
import net.trader4.keycloak.otp.authenticator.PageMessage;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.forms.login.LoginFormsProvider;

/**
 * The two pages of the action: the number, then the code sent to it. Their templates ship in
 * {@code theme-resources}, so they render under any login theme; a theme may override them by name.
 */
final class PhoneNumberPages {

    static final String NUMBER_TEMPLATE = "trader4-phone-number.ftl";
    static final String CODE_TEMPLATE = "trader4-phone-code.ftl";
    /** Attribute holding what the user typed, to show it again. */
    static final String TYPED_NUMBER = "trader4PhoneTyped";
    /** Attribute holding the {@link CodePageModel}. */
    static final String CODE_PAGE = "trader4Phone";

    private PhoneNumberPages() {
    }

    static Response numberPage(RequiredActionContext context, String typed, PageMessage message) {
        LoginFormsProvider form = withMessage(context.form(), message, false);
        form.setAttribute(TYPED_NUMBER, typed == null ? "" : typed);
        return form.createForm(NUMBER_TEMPLATE);
    }

    static Response codePage(RequiredActionContext context, CodePageModel model, PageMessage message, boolean info) {
        LoginFormsProvider form = withMessage(context.form(), message, info);
        form.setAttribute(CODE_PAGE, model);
        return form.createForm(CODE_TEMPLATE);
    }

    private static LoginFormsProvider withMessage(LoginFormsProvider form, PageMessage message, boolean info) {
        return message == null ? form : message.applyTo(form, info);
    }
}
