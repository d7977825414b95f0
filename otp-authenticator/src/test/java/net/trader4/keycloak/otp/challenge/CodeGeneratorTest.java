package net.trader4.keycloak.otp.challenge;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeGeneratorTest {

    @Test
    void codesAreDecimalDigitsOfTheLengthAsked() {
        for (int length = 6; length <= 10; length++) {
            String code = CodeGenerator.digits(length);
            assertTrue(code.matches("[0-9]{" + length + "}"), code);
        }
    }

    @Test
    void everyDigitIsAboutEquallyLikelyInEveryPosition() {
        int draws = 2000;
        int[][] counts = new int[6][10];
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < draws; i++) {
            String code = CodeGenerator.digits(6);
            codes.add(code);
            for (int position = 0; position < 6; position++) {
                counts[position][code.charAt(position) - '0']++;
            }
        }
        // 200 expected per digit and position; 100..300 is more than seven standard deviations.
        for (int[] position : counts) {
            for (int count : position) {
                assertTrue(count > 100 && count < 300, "count " + count);
            }
        }
        assertTrue(codes.size() > draws - 40, "a million possible codes: about two repeats expected");
    }

    @Test
    void hexIsLowerCaseTwoCharactersPerByte() {
        for (int bytes : new int[] {8, 16, 24, 32}) {
            String hex = CodeGenerator.hex(bytes);
            assertEquals(2 * bytes, hex.length());
            assertTrue(hex.matches("[0-9a-f]+"), hex);
        }
    }

    @Test
    void hexHandlesNeverRepeatAndUseEveryHexDigit() {
        Set<String> handles = new HashSet<>();
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String handle = CodeGenerator.hex(16);
            handles.add(handle);
            handle.chars().forEach(c -> seen.add((char) c));
        }
        assertEquals(500, handles.size());
        assertEquals(16, seen.size(), seen.toString());
    }
}
