package net.trader4.keycloak.wallet;

/** The script type behind an address; it decides which signature formats can prove control of it. */
public enum WalletAddressKind {
    /** Ethereum externally owned account: the last 20 bytes of the Keccak-256 of the public key. */
    ETH(WalletChain.ETHEREUM),
    /** Bitcoin pay-to-public-key-hash, {@code 1…}. */
    P2PKH(WalletChain.BITCOIN),
    /** Bitcoin pay-to-script-hash, {@code 3…}; for signatures we only understand P2SH-wrapped P2WPKH. */
    P2SH(WalletChain.BITCOIN),
    /** Bitcoin native segwit v0 key hash, {@code bc1q…} with a 20-byte program. */
    P2WPKH(WalletChain.BITCOIN),
    /** Bitcoin native segwit v0 script hash, {@code bc1q…} with a 32-byte program. */
    P2WSH(WalletChain.BITCOIN),
    /** Bitcoin Taproot, {@code bc1p…}: segwit v1 with a 32-byte x-only output key. */
    P2TR(WalletChain.BITCOIN);

    private final WalletChain chain;

    WalletAddressKind(WalletChain chain) {
        this.chain = chain;
    }

    public WalletChain chain() {
        return chain;
    }
}
