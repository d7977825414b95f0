package net.trader4.keycloak.otp.channel.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class PerRealmTest {

    private final List<String> retired = new ArrayList<>();
    private final PerRealm<String> perRealm = new PerRealm<>(retired::add);
    private int made;

    private final Function<Map<String, String>, String> maker = settings -> "server " + settings.get("port") + " #" + (++made);

    @Test
    void theSameSettingsKeepTheSameServer() {
        String first = perRealm.current("r1", Map.of("host", "mail", "port", "25"), maker);
        Map<String, String> equalButAnotherMap = new HashMap<>(Map.of("port", "25", "host", "mail"));

        assertSame(first, perRealm.current("r1", equalButAnotherMap, maker));
        assertEquals(1, made);
        assertEquals(List.of(), retired);
    }

    @Test
    void changedSettingsRetireTheOldServerAndMakeANewOne() {
        String old = perRealm.current("r1", Map.of("host", "mail", "port", "25"), maker);

        String now = perRealm.current("r1", Map.of("host", "mail", "port", "2525"), maker);

        assertEquals("server 2525 #2", now);
        assertEquals(List.of(old), retired);
        assertSame(now, perRealm.current("r1", Map.of("host", "mail", "port", "2525"), maker));
    }

    @Test
    void aChangedPasswordIsAChangedSetting() {
        perRealm.current("r1", Map.of("host", "mail", "password", "old"), maker);
        perRealm.current("r1", Map.of("host", "mail", "password", "new"), maker);

        assertEquals(2, made);
        assertEquals(1, retired.size());
    }

    @Test
    void realmsHaveServersOfTheirOwn() {
        String one = perRealm.current("r1", Map.of("port", "25"), maker);
        String two = perRealm.current("r2", Map.of("port", "25"), maker);

        assertNotSame(one, two);
        perRealm.current("r2", Map.of("port", "26"), maker);
        assertEquals(List.of(two), retired, "only the realm whose settings changed loses its server");
        assertSame(one, perRealm.current("r1", Map.of("port", "25"), maker));
    }

    @Test
    void theSettingsKeptAreACopy() {
        Map<String, String> settings = new HashMap<>(Map.of("port", "25"));
        String first = perRealm.current("r1", settings, maker);
        settings.put("port", "26");

        assertNotSame(first, perRealm.current("r1", settings, maker), "a change made to the caller's map is a change");
        assertEquals(List.of(first), retired);
    }

    @Test
    void retiringAllRetiresEveryServerAndTheNextUseMakesANewOne() {
        String one = perRealm.current("r1", Map.of("port", "25"), maker);
        String two = perRealm.current("r2", Map.of("port", "25"), maker);

        perRealm.retireAll();

        assertEquals(List.of(one, two).stream().sorted().toList(), retired.stream().sorted().toList());
        assertEquals("server 25 #3", perRealm.current("r1", Map.of("port", "25"), maker));
    }
}
