package net.trader4.keycloak.admin.setup;

import java.util.List;

import org.keycloak.models.RealmModel;

/**
 * Login and admin events and brute-force detection, all off in a new realm. The sign-in records
 * its logins and wrong codes as events, and a wrong code counts as a failed login; without these
 * an operator sees no sign-in and a guessing attack is never locked out.
 */
final class RealmSecuritySetup {

    /** How long login events are kept when the realm set no limit: a week, as in the demo realm. */
    static final long EVENTS_EXPIRATION_SECONDS = 7 * 24 * 3600;

    private RealmSecuritySetup() {
    }

    static List<SetupItem> apply(RealmModel realm) {
        return List.of(loginEvents(realm), adminEvents(realm), bruteForce(realm));
    }

    private static SetupItem loginEvents(RealmModel realm) {
        Changes changes = new Changes();
        changes.ensure(realm.isEventsEnabled(), true, realm::setEventsEnabled, "saved");
        if (realm.getEventsExpiration() <= 0) {
            realm.setEventsExpiration(EVENTS_EXPIRATION_SECONDS);
            changes.add("kept for 7 days");
        }
        return SetupItem.fixed("login events", changes, "saved");
    }

    private static SetupItem adminEvents(RealmModel realm) {
        Changes changes = new Changes();
        changes.ensure(realm.isAdminEventsEnabled(), true, realm::setAdminEventsEnabled, "saved");
        return SetupItem.fixed("admin events", changes, "saved");
    }

    private static SetupItem bruteForce(RealmModel realm) {
        Changes changes = new Changes();
        changes.ensure(realm.isBruteForceProtected(), true, realm::setBruteForceProtected,
                "on (locks after " + realm.getFailureFactor() + " failures)");
        return SetupItem.fixed("brute-force detection", changes, "on");
    }
}
