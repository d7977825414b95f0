package net.trader4.keycloak.admin.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.trader4.keycloak.common.origin.PublicBaseUrl;
import net.trader4.keycloak.common.settings.CommonSettings;
import net.trader4.keycloak.qr.config.QrConfig;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Brings a realm to what trader4 needs, step by step: each step checks first and changes only
 * what is missing or wrong, so a second run changes nothing. Every refusal comes before the first
 * change.
 */
final class RealmSetup {

    private static final Logger LOG = Logger.getLogger(RealmSetup.class);

    private final KeycloakSession session;
    private final RealmModel realm;

    RealmSetup(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    SetupReport run(SetupOptions options) {
        ClientSetup api = ClientSetup.api(realm, CommonSettings.apiClientId(realm), PublicBaseUrl.read(realm.getId(), realm.getName(),
                realm.getAttribute(PublicBaseUrl.ATTRIBUTE), LOG::warn));
        ClientSetup qr = ClientSetup.qrApproval(realm, QrConfig.forRealm(realm).approvalClientId());
        if (api.clientId().equals(qr.clientId())) {
            throw SetupRefusal.conflict("The API client and the QR approval client are both " + api.clientId()
                    + "; set trader4.api.clientId or trader4.qr.approvalClientId to tell them apart");
        }
        BrowserFlowSetup flow = new BrowserFlowSetup(options.flowAlias());
        api.check(realm);
        qr.check(realm);
        flow.check(realm);
        OfferedKinds kinds = IdentifierKindsSetup.decide(session, realm, options.wallets());
        Map<String, Optional<String>> secretMoves = SecretsSetup.decide(realm);

        List<SetupItem> items = new ArrayList<>();
        items.add(api.apply(session, realm));
        items.add(qr.apply(session, realm));
        items.addAll(UserProfileSetup.apply(session));
        items.addAll(flow.apply(session, realm));
        items.addAll(RealmSecuritySetup.apply(realm));
        items.add(IdentifierKindsSetup.apply(realm, kinds));
        items.add(SecretsSetup.apply(realm, secretMoves));
        return SetupReport.of(realm.getName(), items);
    }

}
