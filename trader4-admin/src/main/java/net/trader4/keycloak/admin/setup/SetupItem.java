package net.trader4.keycloak.admin.setup;

/**
 * One thing setup looked at: {@code item} names it ("client trader4-api"), {@code detail} says what
 * was created or changed, or why it was kept.
 */
public record SetupItem(String item, Outcome outcome, String detail) {

    static SetupItem created(String item, String detail) {
        return new SetupItem(item, Outcome.CREATED, detail);
    }

    static SetupItem kept(String item, String detail) {
        return new SetupItem(item, Outcome.KEPT, detail);
    }

    /** Changed when anything was fixed, else kept. */
    static SetupItem fixed(String item, Changes changes, String keptDetail) {
        return changes.none() ? kept(item, keptDetail) : new SetupItem(item, Outcome.CHANGED, changes.toString());
    }
}
