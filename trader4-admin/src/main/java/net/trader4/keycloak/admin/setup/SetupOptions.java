package net.trader4.keycloak.admin.setup;

/**
 * The optional query parameters of setup: the alias of the browser flow to create or check, and
 * whether wallets may be offered.
 */
record SetupOptions(String flowAlias, boolean wallets) {

    static final String DEFAULT_FLOW_ALIAS = "trader4 browser";
    private static final int MAX_ALIAS_LENGTH = 200;

    static SetupOptions parse(String flowAlias, String wallets) {
        String alias = flowAlias == null ? DEFAULT_FLOW_ALIAS : flowAlias.trim();
        if (alias.isEmpty()) {
            throw SetupRefusal.badRequest("flowAlias must not be blank; leave it out for \"" + DEFAULT_FLOW_ALIAS + "\"");
        }
        if (alias.length() > MAX_ALIAS_LENGTH) {
            throw SetupRefusal.badRequest("flowAlias is longer than " + MAX_ALIAS_LENGTH + " characters");
        }
        return new SetupOptions(alias, parseWallets(wallets));
    }

    private static boolean parseWallets(String wallets) {
        if (wallets == null || wallets.equalsIgnoreCase("true")) {
            return true;
        }
        if (wallets.equalsIgnoreCase("false")) {
            return false;
        }
        throw SetupRefusal.badRequest("wallets must be true or false");
    }
}
