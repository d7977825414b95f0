package net.trader4.keycloak.admin.setup;

import java.util.List;

/** The answer of {@code POST /admin/realms/{realm}/trader4/setup}: {@code changed} is false on a realm already set up. */
public record SetupReport(String realm, boolean changed, List<SetupItem> items) {

    static SetupReport of(String realm, List<SetupItem> items) {
        return new SetupReport(realm, items.stream().anyMatch(i -> i.outcome() != Outcome.KEPT), List.copyOf(items));
    }
}
