package net.trader4.keycloak.wallet;

/**
 * Whether the BouncyCastle classes wallet sign-in runs on are present. Keycloak in FIPS mode
 * ships bc-fips instead of bcprov, without secp256k1 or Keccak; callers switch wallet
 * sign-in off (with a clear message) when this answers {@code false}.
 */
public final class WalletCryptoSupport {

    private static final String[] REQUIRED_CLASSES = {
            "org.bouncycastle.crypto.ec.CustomNamedCurves",
            "org.bouncycastle.crypto.digests.KeccakDigest",
            "org.bouncycastle.crypto.digests.RIPEMD160Digest",
            "org.bouncycastle.crypto.digests.SHA256Digest",
            "org.bouncycastle.crypto.signers.ECDSASigner",
            "org.bouncycastle.math.ec.ECAlgorithms"};

    private static final boolean AVAILABLE = probe();

    private WalletCryptoSupport() {
    }

    public static boolean isAvailable() {
        return AVAILABLE;
    }

    private static boolean probe() {
        ClassLoader loader = WalletCryptoSupport.class.getClassLoader();
        try {
            for (String name : REQUIRED_CLASSES) {
                Class.forName(name, false, loader);
            }
            // The curve must also be registered, not just the class present.
            return Secp256k1.G != null;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
