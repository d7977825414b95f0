package net.trader4.keycloak.otp.phone;

import java.util.Map;

import net.trader4.keycloak.otp.challenge.OtpChallenge;

/**
 * A number a signed-in user asked to add, waiting for the code sent to it: the number in E.164
 * and the challenge, which holds only the code's hash.
 */
public record PendingPhoneNumber(String number, OtpChallenge challenge) {

    private static final String NUMBER_NOTE = "phone";

    public Map<String, String> toNotes() {
        Map<String, String> notes = challenge.toNotes();
        notes.put(NUMBER_NOTE, number);
        return notes;
    }

    /** @return the pending number, or {@code null} when the notes are absent or not one */
    public static PendingPhoneNumber fromNotes(Map<String, String> notes) {
        OtpChallenge challenge = OtpChallenge.fromNotes(notes);
        String number = notes == null ? null : notes.get(NUMBER_NOTE);
        return challenge == null || number == null || number.isEmpty() ? null : new PendingPhoneNumber(number, challenge);
    }
}
