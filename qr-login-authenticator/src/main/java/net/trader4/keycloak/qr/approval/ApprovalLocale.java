package net.trader4.keycloak.qr.approval;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.locale.LocaleSelectorProvider;
import org.keycloak.locale.LocaleUpdaterProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The language the approval page's address asks for. Keycloak reads {@code kc_locale} and
 * {@code ui_locales} only inside a login flow; this page is outside one, so it hands them to
 * Keycloak's locale selection as Keycloak does for its own pages outside a flow: {@code kc_locale}
 * (a language picked in the theme's menu) goes first and is remembered in the locale cookie,
 * {@code ui_locales} (an application's wish) yields to the account's own language. The user's
 * language, the cookie and {@code Accept-Language} then apply as on every Keycloak page. Only a
 * language the realm supports is taken, so nothing else from the address reaches a cookie or a link.
 */
final class ApprovalLocale {

    static final String KC_LOCALE = LocaleSelectorProvider.KC_LOCALE_PARAM;
    static final String UI_LOCALES = "ui_locales";

    private final List<String> supported;
    private final String picked;
    private final String requested;

    private ApprovalLocale(List<String> supported, String picked, String requested) {
        this.supported = supported;
        this.picked = picked;
        this.requested = requested;
    }

    static ApprovalLocale ofRequest(KeycloakSession session, RealmModel realm) {
        if (!realm.isInternationalizationEnabled()) {
            return new ApprovalLocale(List.of(), null, null);
        }
        List<String> supported = realm.getSupportedLocalesStream().toList();
        MultivaluedMap<String, String> query = session.getContext().getUri().getQueryParameters();
        String uiLocales = query.getFirst(UI_LOCALES);
        return new ApprovalLocale(supported, bestMatch(supported, query.getFirst(KC_LOCALE)),
                uiLocales == null ? null : bestMatch(supported, uiLocales.trim().split("\\s+")));
    }

    /** Lets Keycloak's locale selection see the language asked for, before a page is rendered for {@code user}. */
    void applyTo(KeycloakSession session, UserModel user) {
        if (picked != null) {
            session.setAttribute(LocaleSelectorProvider.USER_REQUEST_LOCALE, picked);
            session.getProvider(LocaleUpdaterProvider.class).updateLocaleCookie(picked);
        } else if (requested != null && (user == null || bestMatch(supported, user.getFirstAttribute(UserModel.LOCALE)) == null)) {
            session.setAttribute(LocaleSelectorProvider.USER_REQUEST_LOCALE, requested);
        }
    }

    /** The realm's login on the way to the page, in the same language: the one parameter it takes for it. */
    UriBuilder askLoginIn(UriBuilder authorizationRequest) {
        String language = picked != null ? picked : requested;
        return language == null ? authorizationRequest : authorizationRequest.queryParam(UI_LOCALES, language);
    }

    /** The same request for the next address of the page: the form's answer, the way back from the login. */
    UriBuilder carryOver(UriBuilder uri) {
        if (picked != null) {
            uri.queryParam(KC_LOCALE, picked);
        }
        if (requested != null) {
            uri.queryParam(UI_LOCALES, requested);
        }
        return uri;
    }

    /**
     * The supported language tag that best serves the first of {@code wanted} that any serves: the
     * same language, the same country where both name one ("de-CH" takes "de", "de" takes "de-CH").
     */
    static String bestMatch(List<String> supported, String... wanted) {
        for (String tag : wanted) {
            if (tag == null || tag.isBlank()) {
                continue;
            }
            Locale want = Locale.forLanguageTag(tag);
            String best = null;
            for (String candidate : supported) {
                Locale offer = Locale.forLanguageTag(candidate);
                if (!offer.getLanguage().equals(want.getLanguage()) || want.getLanguage().isEmpty()) {
                    continue;
                }
                if (offer.getCountry().equals(want.getCountry())) {
                    best = candidate;
                    break;
                }
                if (best == null && (offer.getCountry().isEmpty() || want.getCountry().isEmpty())) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }
}
