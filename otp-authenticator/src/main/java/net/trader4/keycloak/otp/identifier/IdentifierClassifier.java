package net.trader4.keycloak.otp.identifier;

import java.util.Locale;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import net.trader4.keycloak.wallet.InvalidWalletAddressException;
import net.trader4.keycloak.wallet.WalletAddressParser;
import net.trader4.keycloak.wallet.WalletCryptoSupport;
import org.keycloak.utils.EmailValidationUtil;

/**
 * Tells what an identifier typed by a user is (email, phone number, wallet address) and
 * normalises it. Pure logic: no Keycloak session needed.
 */
public final class IdentifierClassifier {

    /** RFC 5321 caps a path at 256 octets; nothing longer can be any of our identifiers. */
    public static final int MAX_LENGTH = 256;

    private static final Pattern PHONE_CHARS = Pattern.compile("\\+?[0-9 ().\\-/]{4,40}");
    private static final Pattern WALLET_SHAPE = Pattern.compile(
            "(?i)0x[0-9a-z]*|(bc1|tb1|bcrt1)[0-9a-z]*|[13][1-9A-HJ-NP-Za-km-z]{20,40}");

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    /**
     * @param defaultRegion ISO 3166 region in which numbers written without {@code +} are read;
     *                      {@code null} or blank to accept only E.164 numbers
     */
    public IdentifierClassifier(String defaultRegion) {
        this.defaultRegion = defaultRegion == null || defaultRegion.isBlank() ? null : defaultRegion.trim().toUpperCase(Locale.ROOT);
    }

    public Identifier classify(String raw) throws InvalidIdentifierException {
        if (raw == null || raw.isBlank()) {
            throw new InvalidIdentifierException("An identifier is required: an email address, a phone number or a wallet address.");
        }
        String id = raw.strip();
        if (id.length() > MAX_LENGTH) {
            throw new InvalidIdentifierException("The identifier is too long.");
        }
        if (id.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidIdentifierException("The identifier contains control characters.");
        }
        if (id.indexOf('@') >= 0) {
            return email(id);
        }
        if (WALLET_SHAPE.matcher(id).matches()) {
            if (!WalletCryptoSupport.isAvailable()) {
                throw new InvalidIdentifierException("Sign-in with a wallet address is not available on this server.");
            }
            try {
                return new Identifier(IdentifierType.WALLET, WalletAddressParser.parse(id).canonical(), null, null);
            } catch (InvalidWalletAddressException e) {
                throw new InvalidIdentifierException(e.getMessage());
            }
        }
        if (PHONE_CHARS.matcher(id).matches()) {
            return phone(id);
        }
        throw new InvalidIdentifierException("The identifier is not an email address, a phone number or a wallet address.");
    }

    private static Identifier email(String id) throws InvalidIdentifierException {
        // Keycloak's validator accepts dotless domains (valid RFC 5321, but no internet mailbox has one).
        String domain = id.substring(id.lastIndexOf('@') + 1);
        if (!EmailValidationUtil.isValidEmail(id, EmailValidationUtil.MAX_LOCAL_PART_LENGTH) || domain.indexOf('.') < 1) {
            throw new InvalidIdentifierException("The email address is not valid.");
        }
        // Keycloak stores emails lower-cased; lookups and state keys must agree with it.
        return Identifier.email(id.toLowerCase(Locale.ROOT));
    }

    private Identifier phone(String id) throws InvalidIdentifierException {
        boolean international = id.startsWith("+");
        if (!international && defaultRegion == null) {
            throw new InvalidIdentifierException("Phone numbers must be written in international format, starting with + and the country code.");
        }
        PhoneNumber number;
        try {
            number = PHONES.parse(id, international ? null : defaultRegion);
        } catch (NumberParseException e) {
            throw new InvalidIdentifierException("The phone number is not valid.");
        }
        if (!PHONES.isValidNumber(number)) {
            throw new InvalidIdentifierException("The phone number is not valid.");
        }
        PhoneNumberType numberType = PHONES.getNumberType(number);
        IdentifierType type = switch (numberType) {
            case MOBILE, FIXED_LINE_OR_MOBILE -> IdentifierType.MOBILE;
            case FIXED_LINE, UAN, VOIP, PERSONAL_NUMBER -> IdentifierType.LANDLINE;
            default -> throw new InvalidIdentifierException(
                    "This kind of number (" + describe(numberType) + ") cannot receive sign-in codes.");
        };
        return new Identifier(type, PHONES.format(number, PhoneNumberFormat.E164), numberType.name(),
                PHONES.getRegionCodeForNumber(number));
    }

    private static String describe(PhoneNumberType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
