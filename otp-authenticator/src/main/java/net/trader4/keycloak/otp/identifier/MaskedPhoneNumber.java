package net.trader4.keycloak.otp.identifier;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * A phone number as a page shows it to the person who typed it: grouped the way the number's
 * country writes it ({@code +44 7••• ••2720}, {@code +44 55 •••• 8852}), with only the country
 * code, the start of the number and its last four digits readable. The start is the national
 * destination code when that is short (it tells a landline range like 055 from a mobile), else
 * its first digit, so at most six national digits ever show.
 */
public final class MaskedPhoneNumber {

    static final int LAST_DIGITS = 4;
    static final int SHORT_DESTINATION_CODE = 2;

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private MaskedPhoneNumber() {
    }

    /** The grouped, masked number; for anything but a phone number, {@link Identifier#masked()}. */
    public static String of(Identifier identifier) {
        if (!identifier.type().isPhone()) {
            return identifier.masked();
        }
        PhoneNumber number;
        try {
            number = PHONES.parse(identifier.value(), null);
        } catch (NumberParseException e) {
            return identifier.masked();
        }
        String countryCode = "+" + number.getCountryCode();
        String national = PHONES.getNationalSignificantNumber(number);
        String international = PHONES.format(number, PhoneNumberFormat.INTERNATIONAL);
        if (!international.startsWith(countryCode) || national.length() <= LAST_DIGITS + 1) {
            return identifier.masked();
        }
        int destinationCode = PHONES.getLengthOfNationalDestinationCode(number);
        int keepStart = destinationCode > 0 && destinationCode <= SHORT_DESTINATION_CODE ? destinationCode : 1;
        int hideUntil = national.length() - LAST_DIGITS;

        StringBuilder masked = new StringBuilder(countryCode);
        int digit = 0;
        for (char c : international.substring(countryCode.length()).toCharArray()) {
            if (!Character.isDigit(c)) {
                masked.append(c);
                continue;
            }
            masked.append(digit >= keepStart && digit < hideUntil ? IdentifierMasker.DOT : c);
            digit++;
        }
        return masked.toString();
    }
}
