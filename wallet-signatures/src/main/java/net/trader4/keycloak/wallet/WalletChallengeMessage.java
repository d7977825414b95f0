package net.trader4.keycloak.wallet;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The text a wallet signs to prove control of an address, shaped after EIP-4361 (Sign-In with
 * Ethereum) so that Ethereum wallets recognise and display it as a sign-in request; Bitcoin
 * addresses get the same layout without the chain id.
 *
 * <pre>
 * {domain} wants you to sign in with your Ethereum account:
 * {address}
 *
 * {statement}
 *
 * URI: {uri}
 * Version: 1
 * Chain ID: {chainId}          (Ethereum only)
 * Nonce: {nonce}
 * Issued At: {issuedAt}
 * Expiration Time: {expiresAt}
 * </pre>
 *
 * Pure: the caller supplies every value, including the nonce ({@link #newNonce()}) and times.
 */
public final class WalletChallengeMessage {

    /** Plain words so that nobody mistakes the request for a payment. */
    public static final String DEFAULT_STATEMENT =
            "Sign this message to prove that you control this address. It is not a transaction: signing it moves no funds and costs no fee.";

    /** Ethereum mainnet; the id only tells the wallet which network the account is meant on. */
    public static final long ETHEREUM_MAINNET = 1L;

    private static final String NONCE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** 22 characters of a 62-letter alphabet carry 130 bits, above the 128 asked for. */
    private static final int NONCE_LENGTH = 22;
    private static final Pattern NONCE = Pattern.compile("[0-9A-Za-z]{8,64}");
    private static final Pattern NO_SPACE = Pattern.compile("\\S{1,512}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String domain;
    private final String uri;
    private final WalletAddress address;
    private final String statement;
    private final String nonce;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final Long chainId;
    private final String text;

    private WalletChallengeMessage(Builder builder) {
        this.domain = requireToken(builder.domain, "domain");
        this.uri = requireToken(builder.uri, "uri");
        this.address = Objects.requireNonNull(builder.address, "address");
        this.statement = Objects.requireNonNull(builder.statement, "statement");
        if (statement.isBlank() || statement.indexOf('\n') >= 0 || statement.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("statement must be one non-blank line");
        }
        this.nonce = Objects.requireNonNull(builder.nonce, "nonce");
        if (!NONCE.matcher(nonce).matches()) {
            throw new IllegalArgumentException("nonce must be 8 to 64 letters and digits");
        }
        this.issuedAt = Objects.requireNonNull(builder.issuedAt, "issuedAt");
        this.expiresAt = Objects.requireNonNull(builder.expiresAt, "expiresAt");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("expiresAt must be after issuedAt");
        }
        if (address.chain() == WalletChain.ETHEREUM) {
            this.chainId = builder.chainId == null ? ETHEREUM_MAINNET : builder.chainId;
            if (chainId <= 0) {
                throw new IllegalArgumentException("chainId must be positive");
            }
        } else {
            this.chainId = null;
        }
        this.text = render();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A fresh unpredictable nonce: 22 letters and digits from {@link SecureRandom}. */
    public static String newNonce() {
        StringBuilder nonce = new StringBuilder(NONCE_LENGTH);
        for (int i = 0; i < NONCE_LENGTH; i++) {
            nonce.append(NONCE_ALPHABET.charAt(RANDOM.nextInt(NONCE_ALPHABET.length())));
        }
        return nonce.toString();
    }

    private String render() {
        StringBuilder out = new StringBuilder()
                .append(domain).append(" wants you to sign in with your ").append(address.chain().displayName()).append(" account:\n")
                .append(address.canonical()).append("\n\n")
                .append(statement).append("\n\n")
                .append("URI: ").append(uri).append('\n')
                .append("Version: 1\n");
        if (chainId != null) {
            out.append("Chain ID: ").append(chainId).append('\n');
        }
        return out.append("Nonce: ").append(nonce).append('\n')
                .append("Issued At: ").append(DateTimeFormatter.ISO_INSTANT.format(issuedAt)).append('\n')
                .append("Expiration Time: ").append(DateTimeFormatter.ISO_INSTANT.format(expiresAt))
                .toString();
    }

    private static String requireToken(String value, String name) {
        Objects.requireNonNull(value, name);
        if (!NO_SPACE.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be 1 to 512 characters without spaces or line breaks");
        }
        return value;
    }

    /** The exact text to sign, lines separated by {@code \n}, no trailing newline. */
    public String text() {
        return text;
    }

    public String domain() {
        return domain;
    }

    public String uri() {
        return uri;
    }

    public WalletAddress address() {
        return address;
    }

    public String nonce() {
        return nonce;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** The chain id written into the message; {@code null} for Bitcoin. */
    public Long chainId() {
        return chainId;
    }

    @Override
    public String toString() {
        return text;
    }

    public static final class Builder {
        private String domain;
        private String uri;
        private WalletAddress address;
        private String statement = DEFAULT_STATEMENT;
        private String nonce;
        private Instant issuedAt;
        private Instant expiresAt;
        private Long chainId;

        private Builder() {
        }

        /** The RFC 3986 authority asking for the signature, e.g. {@code login.example.com}. */
        public Builder domain(String domain) {
            this.domain = domain;
            return this;
        }

        /** The URI of the resource being signed in to. */
        public Builder uri(String uri) {
            this.uri = uri;
            return this;
        }

        public Builder address(WalletAddress address) {
            this.address = address;
            return this;
        }

        /** Replaces {@link #DEFAULT_STATEMENT}; one line. */
        public Builder statement(String statement) {
            this.statement = statement;
            return this;
        }

        public Builder nonce(String nonce) {
            this.nonce = nonce;
            return this;
        }

        public Builder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** EIP-155 chain id for Ethereum addresses ({@link #ETHEREUM_MAINNET} when unset); ignored for Bitcoin. */
        public Builder chainId(Long chainId) {
            this.chainId = chainId;
            return this;
        }

        /** @throws IllegalArgumentException or NullPointerException when a value is missing or malformed */
        public WalletChallengeMessage build() {
            return new WalletChallengeMessage(this);
        }
    }
}
