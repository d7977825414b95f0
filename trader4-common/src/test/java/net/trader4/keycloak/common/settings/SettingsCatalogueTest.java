package net.trader4.keycloak.common.settings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsCatalogueTest {

    private static final RealmSetting LENGTH = RealmSetting.integer("t.length", "Length", "Digits.", 6, 6, 10);
    private static final RealmSetting ON = RealmSetting.bool("t.on", "On", "Switch.", false);
    private static final RealmSetting KINDS = RealmSetting.list("t.kinds", "Kinds", "Kinds.", null, List.of("email", "mobile"));
    private static final RealmSetting COUNTRIES = RealmSetting.list("t.countries", "Countries", "Where.", null, RealmSetting.REGION_CODE);
    private static final RealmSetting USER = RealmSetting.text("t.user", "User", "Who.", null, RealmSetting.NAME);
    private static final RealmSetting TOKEN = RealmSetting.secret("t.token", "Token", "Secret.");

    /** Both or neither of user and token. */
    private static final SettingsRule PAIR = new SettingsRule(Set.of("t.user", "t.token"), after -> {
        if ((after.apply("t.user") == null) != (after.apply("t.token") == null)) {
            throw new InvalidSettingException("t.user", "User and token come together.");
        }
    });

    private static final SettingsCatalogue CATALOGUE = new SettingsCatalogue(List.of(
            new SettingsGroup("Test", List.of(LENGTH, ON, KINDS, COUNTRIES, USER, TOKEN), List.of(PAIR))));

    @Test
    void aNumberOutsideItsBoundsIsRefusedNotClamped() {
        InvalidSettingException refused = assertThrows(InvalidSettingException.class, () -> LENGTH.normalise("4"));
        assertEquals("t.length", refused.setting());
        assertTrue(refused.getMessage().contains("from 6 to 10"), refused.getMessage());
        assertThrows(InvalidSettingException.class, () -> LENGTH.normalise("11"));
        assertThrows(InvalidSettingException.class, () -> LENGTH.normalise("eight"));
        assertEquals(Optional.of("8"), assertDoesNotThrow(() -> LENGTH.normalise(" 8 ")));
    }

    @Test
    void blankMeansUnset() throws Exception {
        assertEquals(Optional.empty(), LENGTH.normalise(" "));
        assertEquals(Optional.empty(), TOKEN.normalise(null));
    }

    @Test
    void flagsTakeOnlyTrueOrFalse() throws Exception {
        assertEquals(Optional.of("true"), ON.normalise("TRUE"));
        assertThrows(InvalidSettingException.class, () -> ON.normalise("yes"));
    }

    @Test
    void listItemsAreCheckedOneByOneAndStoredCanonically() throws Exception {
        assertEquals(Optional.of("email,mobile"), KINDS.normalise("Email ## mobile, email"));
        InvalidSettingException refused = assertThrows(InvalidSettingException.class, () -> KINDS.normalise("email,fax"));
        assertTrue(refused.getMessage().contains("email, mobile") && refused.getMessage().contains("fax"), refused.getMessage());
        assertEquals(Optional.of("DE,fr"), COUNTRIES.normalise("DE, fr"));
        assertThrows(InvalidSettingException.class, () -> COUNTRIES.normalise("DEU"));
    }

    @Test
    void secretsTakeAValueOrAVaultReferenceAndNeverEchoThem() throws Exception {
        assertEquals(Optional.of("${vault.twilio_token}"), TOKEN.normalise("${vault.twilio_token}"));
        assertEquals(Optional.of("s3cr3t"), TOKEN.normalise("s3cr3t"));
        InvalidSettingException refused = assertThrows(InvalidSettingException.class, () -> TOKEN.normalise("${env.TOKEN}"));
        assertTrue(!refused.getMessage().contains("env.TOKEN"), refused.getMessage());
    }

    @Test
    void aChangeIsCheckedWholeAndEveryProblemNamed() {
        Map<String, String> change = new HashMap<>();
        change.put("t.length", "4");
        change.put("t.on", "true");
        change.put("t.nothing", "1");
        SettingsCatalogue.Refusal refusal = assertThrows(SettingsCatalogue.Refusal.class,
                () -> CATALOGUE.check(change, attribute -> null));
        assertEquals(Set.of("t.length", "t.nothing"),
                Set.copyOf(refusal.problems().stream().map(InvalidSettingException::setting).toList()));
    }

    @Test
    void rulesSeeTheValuesAfterTheChange() throws Exception {
        Map<String, String> stored = Map.of("t.user", "alice");
        assertThrows(SettingsCatalogue.Refusal.class, () -> CATALOGUE.check(Map.of("t.user", "bob"), attribute -> null));
        assertEquals(Map.of("t.token", Optional.of("pw")), CATALOGUE.check(Map.of("t.token", "pw"), stored::get));
        Map<String, String> unset = new HashMap<>();
        unset.put("t.token", null);
        assertThrows(SettingsCatalogue.Refusal.class, () -> CATALOGUE.check(unset, Map.of("t.user", "alice", "t.token", "pw")::get),
                "unsetting half of the pair is refused");
    }

    @Test
    void rulesRunOnlyWhenTheirSettingsChange() throws Exception {
        Map<String, String> brokenAlready = Map.of("t.user", "alice");
        assertEquals(Map.of("t.length", Optional.of("7")), CATALOGUE.check(Map.of("t.length", "7"), brokenAlready::get));
    }

    @Test
    void aSettingDeclaredTwiceIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> new SettingsCatalogue(List.of(
                new SettingsGroup("A", List.of(LENGTH)), new SettingsGroup("B", List.of(LENGTH)))));
    }

    private static <T> T assertDoesNotThrow(org.junit.jupiter.api.function.ThrowingSupplier<T> supplier) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(supplier);
    }
}
