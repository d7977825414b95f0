package net.trader4.keycloak.wallet;

/** The blockchain a wallet address belongs to. */
public enum WalletChain {
    ETHEREUM("Ethereum"),
    BITCOIN("Bitcoin");

    private final String displayName;

    WalletChain(String displayName) {
        this.displayName = displayName;
    }

    /** The name shown to people, as in "sign in with your Bitcoin account". */
    public String displayName() {
        return displayName;
    }
}
