/**
 * Sign-in by signing a challenge with a crypto wallet: pure logic, no Keycloak session.
 *
 * <h2>Addresses</h2>
 * {@link net.trader4.keycloak.wallet.WalletAddressParser} accepts, on mainnet only: Ethereum
 * {@code 0x} + 40 hex digits (EIP-55 checked when mixed case; canonical form EIP-55);
 * Bitcoin P2PKH {@code 1…} and P2SH {@code 3…} (base58check, canonical as typed), segwit v0
 * {@code bc1q…} with a 20-byte (P2WPKH) or 32-byte (P2WSH) program, Taproot {@code bc1p…}
 * (canonical lower case). Everything else is refused with a message saying why.
 *
 * <h2>Message</h2>
 * {@link net.trader4.keycloak.wallet.WalletChallengeMessage}: EIP-4361 layout, "Bitcoin
 * account" and no chain id for Bitcoin, nonce of 22 letters and digits (130 bits).
 *
 * <h2>Signatures</h2>
 * {@link net.trader4.keycloak.wallet.WalletSignatureVerifier}:
 * <ul>
 *   <li>Ethereum: EIP-191 {@code personal_sign}; 65 bytes hex; v = 0, 1, 27 or 28; low s.</li>
 *   <li>Bitcoin, "Bitcoin Signed Message" (BIP-137 headers, base64 of 65 bytes): 27–30
 *       uncompressed P2PKH, 31–34 compressed P2PKH (also accepted for P2SH-P2WPKH and P2WPKH
 *       addresses of the recovered key, as Electrum signs them), 35–38 P2SH-P2WPKH, 39–42
 *       P2WPKH; low s.</li>
 *   <li>Bitcoin, BIP-322 "simple" (base64 witness stack, {@code smp} prefix optional): P2WPKH
 *       (strict DER, low s, SIGHASH_ALL, compressed key) and Taproot key path (BIP-340, 64 bytes
 *       or 65 with SIGHASH_ALL).</li>
 *   <li>Unsupported, reported as such: BIP-322 full and proof-of-funds formats, P2WSH scripts
 *       (multisig...), Taproot script paths and annexes, BIP-322 for P2SH and P2PKH addresses,
 *       BIP-137 for Taproot and P2WSH addresses, smart-contract wallets (EIP-1271).</li>
 * </ul>
 * Expiry, single use, domain and nonce are the challenge store's business: it keeps the exact
 * message text and verifies against that text only.
 */
package net.trader4.keycloak.wallet;
